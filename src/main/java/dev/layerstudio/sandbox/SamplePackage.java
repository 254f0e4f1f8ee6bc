package dev.layerstudio.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small pure-Python package laid out the way pip installs it: its modules plus a
 * {@code NAME-VERSION.dist-info} folder with METADATA, WHEEL, top_level.txt, INSTALLER
 * and a RECORD that lists every file with its SHA-256 and size, so inspecting a layer
 * made from it shows a real package.
 *
 * @param name    distribution and import name
 * @param version its version
 * @param summary one line for METADATA
 * @param modules file path below the package folder → Python source
 */
record SamplePackage(String name, String version, String summary, Map<String, String> modules) {

    SamplePackage {
        modules = new LinkedHashMap<>(modules);
    }

    /** Writes the package and its dist-info into {@code site} (a layer's {@code python/} folder). */
    void writeTo(Path site) throws IOException {
        List<String> record = new ArrayList<>();
        for (Map.Entry<String, String> m : modules.entrySet()) {
            record.add(write(site, name + "/" + m.getKey(), m.getValue()));
        }
        String info = name + "-" + version + ".dist-info";
        record.add(write(site, info + "/METADATA", """
                Metadata-Version: 2.1
                Name: %s
                Version: %s
                Summary: %s
                Requires-Python: >=3.9
                """.formatted(name, version, summary)));
        record.add(write(site, info + "/WHEEL", """
                Wheel-Version: 1.0
                Generator: layer-studio-sandbox
                Root-Is-Purelib: true
                Tag: py3-none-any
                """));
        record.add(write(site, info + "/top_level.txt", name + "\n"));
        record.add(write(site, info + "/INSTALLER", "pip\n"));
        record.add(info + "/RECORD,,");
        Files.writeString(site.resolve(info).resolve("RECORD"), String.join("\n", record) + "\n");
    }

    /** Writes one file and returns its RECORD line. */
    private static String write(Path site, String relative, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return relative + ",sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes)) + ","
                + bytes.length;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    // ---- the packages the sandbox's layers are made of ----

    /** textkit: a few text helpers; each version adds one. */
    static SamplePackage textkit(String version) {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("__init__.py", """
                \"\"\"Small text helpers.\"\"\"
                from .slug import slugify

                __version__ = "%s"
                __all__ = ["slugify"]
                """.formatted(version));
        modules.put("slug.py", """
                import re
                import unicodedata


                def slugify(text: str) -> str:
                    \"\"\"'Hello, World!' -> 'hello-world'.\"\"\"
                    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
                    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
                """);
        if (!version.startsWith("1.0")) {
            modules.put("wrap.py", """
                    import textwrap


                    def shorten(text: str, width: int = 60) -> str:
                        return textwrap.shorten(text, width=width, placeholder="…")
                    """);
        }
        if (version.startsWith("1.2")) {
            modules.put("case.py", """
                    def snake_to_camel(name: str) -> str:
                        head, *rest = name.split("_")
                        return head + "".join(part.title() for part in rest)
                    """);
        }
        return new SamplePackage("textkit", version, "Small text helpers", modules);
    }

    /** tinyhttp: JSON over urllib, nothing else. */
    static SamplePackage tinyhttp(String version) {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("__init__.py", """
                \"\"\"A minimal HTTP client on the standard library.\"\"\"
                from .client import get_json

                __version__ = "%s"
                """.formatted(version));
        modules.put("client.py", """
                import json
                import urllib.request


                def get_json(url: str, timeout: float = %s) -> object:
                    with urllib.request.urlopen(url, timeout=timeout) as response:
                        return json.load(response)
                """.formatted(version.startsWith("0.") ? "30" : "10"));
        return new SamplePackage("tinyhttp", version, "A minimal HTTP client on the standard library", modules);
    }
}

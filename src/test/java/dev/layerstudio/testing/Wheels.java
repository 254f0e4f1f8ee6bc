package dev.layerstudio.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Real wheels (and source archives) made by the test itself, for pip and uv to install
 * with {@code --no-index --find-links DIR}: no network.
 */
public final class Wheels {

    private final Path dir;

    public Wheels(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Requirement lines that point pip or uv at these wheels only. */
    public String indexLines() {
        return "--no-index\n--find-links " + dir + "\n";
    }

    /** A pure-Python wheel (py3-none-any) with the given files (path → content). */
    public Path pure(String name, String version, Map<String, String> files, String... requires) {
        return wheel(name, version, "py3-none-any", files, requires);
    }

    /** A wheel with files and a platform tag such as {@code cp312-cp312-manylinux2014_x86_64}. */
    public Path wheel(String name, String version, String tag, Map<String, ?> files, String... requires) {
        String dist = name.replace('-', '_') + "-" + version + ".dist-info";
        Map<String, byte[]> all = new LinkedHashMap<>();
        files.forEach((p, c) -> all.put(p, c instanceof byte[] b ? b : c.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder meta = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        for (String r : requires) {
            meta.append("Requires-Dist: ").append(r).append('\n');
        }
        all.put(dist + "/METADATA", meta.toString().getBytes(StandardCharsets.UTF_8));
        all.put(dist + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: layer-studio-test\nRoot-Is-Purelib: "
                + tag.endsWith("-any") + "\nTag: " + tag + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        all.forEach((p, b) -> record.append(p).append(",sha256=").append(hash(b)).append(',').append(b.length).append('\n'));
        record.append(dist).append("/RECORD,,\n");
        all.put(dist + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve(name.replace('-', '_') + "-" + version + "-" + tag + ".whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A source archive only ({@code name-version.tar.gz}) of a pure-Python package with one
     * module, {@code name.py}: installing it needs a build, which gives a {@code py3-none-any}
     * wheel.
     */
    public Path sdist(String name, String version) {
        return sdist(name, version, "py3-none-any");
    }

    /**
     * A source archive whose build gives a wheel with that tag, as one with C code gives a
     * wheel for the building machine ({@code cp311-cp311-linux_x86_64}). Its PEP 517 backend
     * is in the archive itself and needs nothing from an index, so pip builds it offline.
     */
    public Path sdist(String name, String version, String wheelTag) {
        Path file = dir.resolve(name + "-" + version + ".tar.gz");
        String root = name + "-" + version + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pyproject.toml", "[build-system]\nrequires = []\nbuild-backend = \"backend\"\nbackend-path = [\".\"]\n"
                + "\n[project]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n");
        files.put("PKG-INFO", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        files.put("src/" + name + ".py", "VALUE = 1\n");
        files.put("backend.py", String.join("\n",
                "import base64, hashlib, os, zipfile",
                "NAME, VERSION, TAG = " + quote(name) + ", " + quote(version) + ", " + quote(wheelTag),
                "def get_requires_for_build_wheel(config_settings=None):",
                "    return []",
                "def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):",
                "    dist = NAME + '-' + VERSION + '.dist-info'",
                "    name = NAME + '-' + VERSION + '-' + TAG + '.whl'",
                "    rows = []",
                "    with zipfile.ZipFile(os.path.join(wheel_directory, name), 'w') as z:",
                "        def add(path, data):",
                "            z.writestr(path, data)",
                "            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()",
                "            rows.append(path + ',sha256=' + digest + ',' + str(len(data)))",
                "        for top, _, found in os.walk('src'):",
                "            for f in found:",
                "                full = os.path.join(top, f)",
                "                with open(full, 'rb') as fh:",
                "                    add(os.path.relpath(full, 'src').replace(os.sep, '/'), fh.read())",
                "        add(dist + '/METADATA', ('Metadata-Version: 2.1\\nName: ' + NAME + '\\nVersion: ' + VERSION + '\\n').encode())",
                "        purelib = 'true' if TAG.endswith('-any') else 'false'",
                "        add(dist + '/WHEEL', ('Wheel-Version: 1.0\\nGenerator: layer-studio-test\\nRoot-Is-Purelib: ' + purelib",
                "            + '\\nTag: ' + TAG + '\\n').encode())",
                "        rows.append(dist + '/RECORD,,')",
                "        z.writestr(dist + '/RECORD', '\\n'.join(rows) + '\\n')",
                "    return name",
                ""));
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (var f : files.entrySet()) {
                byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(root + f.getKey());
                e.setSize(bytes.length);
                tar.putArchiveEntry(e);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The first bytes of a 64-bit little-endian ELF shared object for a machine (0x3e x86-64, 0xb7 AArch64). */
    public static byte[] elf(int machine) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, (byte) machine, 0});
        b.writeBytes(new byte[64]);
        return b.toByteArray();
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

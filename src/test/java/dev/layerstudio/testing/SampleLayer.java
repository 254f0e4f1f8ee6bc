package dev.layerstudio.testing;

import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A layer's content as the Contents step leaves it: packages "installed" into a staging
 * folder (files on disk with their dist-info, as pip lays them out, byte-code caches and
 * test folders included), plus one of the user's folders added through the builder.
 */
public final class SampleLayer {

    private final Path staging;
    private final Random random = new Random(42);
    private final List<ContentNode> nodes = new ArrayList<>();

    private SampleLayer(Path staging) {
        this.staging = staging;
    }

    /**
     * requests, numpy (a native library), boto3 and botocore, six; caches and tests; the
     * user's folder {@code mylib} added at {@code userDestination} ({@code null} for python/mylib).
     */
    public static LayerContent build(Path dir, LayerBuilder builder, String userDestination) throws IOException {
        SampleLayer s = new SampleLayer(dir.resolve("staging"));
        s.pkg("requests", "2.32.3", Map.of("requests/__init__.py", 40_000, "requests/api.py", 25_000,
                "requests/sessions.py", 60_000, "requests/__pycache__/api.cpython-312.pyc", 30_000,
                "requests/__pycache__/sessions.cpython-312.pyc", 52_000));
        s.pkg("numpy", "2.1.0", Map.of("numpy/__init__.py", 20_000, "numpy/core/_multiarray.cpython-312-x86_64-linux-gnu.so",
                900_000, "numpy/linalg/linalg.py", 90_000, "numpy/tests/test_core.py", 120_000,
                "numpy.libs/libopenblas.so.0", 700_000));
        s.pkg("botocore", "1.35.0", Map.of("botocore/data/s3.json", 400_000, "botocore/data/ec2.json", 500_000,
                "botocore/client.py", 50_000));
        s.pkg("boto3", "1.35.0", Map.of("boto3/__init__.py", 8_000, "boto3/session.py", 20_000));
        s.pkg("six", "1.16.0", Map.of("six.py", 34_000));
        LayerContent content = LayerContent.of(s.nodes);

        Path user = dir.resolve("user").resolve("mylib");
        Files.createDirectories(user.resolve("handlers"));
        Files.writeString(user.resolve("__init__.py"), "from .handlers import handle\n");
        Files.writeString(user.resolve("handlers").resolve("__init__.py"), "def handle(e):\n    return e\n" + "#\n".repeat(4000));
        Files.writeString(user.resolve("settings.py"), "DEBUG = False\n" + "# setting\n".repeat(3000));
        return builder.add(content, new AddedPath(user, userDestination));
    }

    private void pkg(String name, String version, Map<String, Integer> files) throws IOException {
        Map<String, Integer> all = new LinkedHashMap<>(files);
        String info = name + "-" + version + ".dist-info/";
        StringBuilder record = new StringBuilder();
        for (String f : files.keySet()) {
            record.append(f).append(",,\n");
        }
        record.append(info).append("METADATA,,\n").append(info).append("RECORD,,\n");
        write(info + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n")
                .getBytes(StandardCharsets.UTF_8), name);
        write(info + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8), name);
        write(info + "top_level.txt", (name + "\n").getBytes(StandardCharsets.UTF_8), name);
        for (var e : all.entrySet()) {
            write(e.getKey(), bytes(e.getKey(), e.getValue()), name);
        }
    }

    /** Python-ish text for source files (compresses well), random bytes for binaries (does not). */
    private byte[] bytes(String path, int size) {
        if (path.endsWith(".py") || path.endsWith(".json")) {
            byte[] line = ("# " + path + " line of code\n").getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = line[i % line.length];
            }
            return out;
        }
        byte[] out = new byte[size];
        random.nextBytes(out);
        if (path.contains(".so")) {
            byte[] elf = Wheels.elf(0x3e);
            System.arraycopy(elf, 0, out, 0, elf.length);
        }
        return out;
    }

    /** Writes one installed file; its folders become installed folders too, as pip's staging tree shows them. */
    private void write(String layerPath, byte[] content, String owner) throws IOException {
        Path file = staging.resolve(layerPath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        nodes.add(ContentNode.file("python/" + layerPath, new ContentSource.Installed(file, content.length, owner)));
        for (String folder = parent(layerPath); !folder.isEmpty(); folder = parent(folder)) {
            nodes.add(ContentNode.folder("python/" + folder,
                    new ContentSource.Installed(staging.resolve(folder), 0, owner)));
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}

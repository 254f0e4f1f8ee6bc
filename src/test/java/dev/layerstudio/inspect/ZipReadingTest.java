package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerLayout;
import dev.layerstudio.model.PackageKind;
import dev.layerstudio.model.PackageUsage;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SizeNode;
import dev.layerstudio.model.ZipEntryInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same layer zipped by three writers (the {@code zip} command, Python's zipfile,
 * commons-compress) reads the same, and its totals match an independent count
 * ({@code unzip -Zt} and Python's zipfile).
 */
class ZipReadingTest {

    @TempDir
    static Path dir;
    static Path tree;

    @BeforeAll
    static void layerTree() throws IOException {
        tree = dir.resolve("tree");
        write("python/mypkg/__init__.py", "from .core import run\n");
        write("python/mypkg/core.py", "def run():\n    return 42\n");
        byte[] data = new byte[50_000];
        new Random(7).nextBytes(data);
        Files.createDirectories(tree.resolve("python/mypkg"));
        Files.write(tree.resolve("python/mypkg/data.bin"), data);
        write("python/six.py", "# six\n".repeat(2000));
        write("python/six-1.16.0.dist-info/top_level.txt", "six\n");
        write("python/six-1.16.0.dist-info/WHEEL", "Wheel-Version: 1.0\nTag: py2-none-any\nTag: py3-none-any\n");
        write("python/six-1.16.0.dist-info/METADATA", "Name: six\nVersion: 1.16.0\n");
        write("python/six-1.16.0.dist-info/RECORD", "six.py,sha256=x,12000\nsix-1.16.0.dist-info/top_level.txt,,\n"
                + "six-1.16.0.dist-info/WHEEL,,\nsix-1.16.0.dist-info/METADATA,,\nsix-1.16.0.dist-info/RECORD,,\n");
        write("python/google/protobuf/__init__.py", "");
        write("python/google/protobuf/message.py", "class Message: pass\n".repeat(100));
        write("python/protobuf-4.25.1.dist-info/RECORD", "google/protobuf/__init__.py,,\n"
                + "google/protobuf/message.py,,\nprotobuf-4.25.1.dist-info/RECORD,,\n");
        write("python/lib/python3.12/site-packages/attr/__init__.py", "VERSION = 1\n");
        write("python/lib/python3.12/site-packages/attrs-23.1.0.dist-info/RECORD",
                "attr/__init__.py,,\nattrs-23.1.0.dist-info/RECORD,,\n");
        write("bin/tool", "#!/bin/sh\necho hi\n");
        tree.resolve("bin/tool").toFile().setExecutable(true, false);
    }

    private static void write(String path, String content) throws IOException {
        Path p = tree.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    static Path zipWith(String writer) throws Exception {
        Path zip = dir.resolve(writer + ".zip");
        Files.deleteIfExists(zip);
        switch (writer) {
            case "zip" -> run(tree, "zip", "-q", "-r", "-y", zip.toString(), ".");
            case "python" -> run(tree, "python3", "-c", String.join("\n",
                    "import os, sys, zipfile",
                    "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:",
                    "    for root, dirs, files in sorted(os.walk('.')):",
                    "        for d in sorted(dirs): z.write(os.path.join(root, d))",
                    "        for f in sorted(files): z.write(os.path.join(root, f))"), zip.toString());
            default -> {
                try (ZipMaker z = ZipMaker.create(zip); Stream<Path> files = Files.walk(tree)) {
                    for (Path p : files.sorted().toList()) {
                        String name = tree.relativize(p).toString();
                        if (name.isEmpty()) {
                            continue;
                        }
                        if (Files.isDirectory(p)) {
                            z.dir(name, 0755);
                        } else {
                            z.file(name, Files.readAllBytes(p), Files.isExecutable(p) ? 0755 : 0644,
                                    org.apache.commons.compress.archivers.zip.ZipMethod.DEFLATED.getCode());
                        }
                    }
                }
            }
        }
        return zip;
    }

    static String run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }

    /** Python's own reading: entry count, uncompressed total, and each name's CRC. */
    static Map<String, Long> pythonCrcs(Path zip, long[] countAndBytes) throws Exception {
        String out = run(zip.getParent(), "python3", "-c", String.join("\n",
                "import sys, zipfile",
                "z = zipfile.ZipFile(sys.argv[1])",
                "infos = z.infolist()",
                "print(len(infos), sum(i.file_size for i in infos))",
                "for i in infos: print(i.CRC, i.filename)"), zip.toString());
        List<String> lines = out.lines().toList();
        String[] head = lines.get(0).split(" ");
        countAndBytes[0] = Long.parseLong(head[0]);
        countAndBytes[1] = Long.parseLong(head[1]);
        Map<String, Long> crcs = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            String name = line.substring(space + 1);
            if (!name.endsWith("/")) {
                crcs.put(name.startsWith("./") ? name.substring(2) : name, Long.parseLong(line.substring(0, space)));
            }
        }
        return crcs;
    }

    static InspectionReport inspect(LayerSource source) {
        return new Inspector(dir.resolve("cache")).inspect(source,
                InspectOptions.defaults().withRuntime(Runtime.parse("python3.12")), ProgressListener.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zip", "python", "commons-compress"})
    void totalsMatchAnIndependentCount(String writer) throws Exception {
        Path zip = zipWith(writer);
        InspectionReport r = inspect(new LayerSource.LocalZip(zip));

        long[] py = new long[2];
        Map<String, Long> crcs = pythonCrcs(zip, py);
        assertThat((long) r.entryCount()).isEqualTo(py[0]);
        assertThat(r.unzippedBytes()).isEqualTo(py[1]);
        assertThat(r.zippedBytes()).isEqualTo(Files.size(zip));

        Matcher m = Pattern.compile("(\\d+) files?, (\\d+) bytes uncompressed, (\\d+) bytes compressed")
                .matcher(run(dir, "unzip", "-Zt", zip.toString()));
        assertThat(m.find()).isTrue();
        assertThat((long) r.entryCount()).isEqualTo(Long.parseLong(m.group(1)));
        assertThat(r.unzippedBytes()).isEqualTo(Long.parseLong(m.group(2)));
        long compressed = r.entries().stream().mapToLong(ZipEntryInfo::zippedBytes).sum();
        assertThat(compressed).isEqualTo(Long.parseLong(m.group(3)));

        Map<String, Long> ours = r.entries().stream().filter(e -> e.kind() != EntryKind.DIRECTORY)
                .collect(Collectors.toMap(e -> e.path().startsWith("./") ? e.path().substring(2) : e.path(),
                        ZipEntryInfo::crc));
        assertThat(ours).isEqualTo(crcs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zip", "python", "commons-compress"})
    void packagesAreAttributedThroughRecordAndTopLevel(String writer) throws Exception {
        InspectionReport r = inspect(new LayerSource.LocalZip(zipWith(writer)));
        PackageUsage six = r.pkg("six").orElseThrow();
        assertThat(six.version()).isEqualTo("1.16.0");
        assertThat(six.kind()).isEqualTo(PackageKind.DISTRIBUTION);
        assertThat(six.files()).isEqualTo(5);
        assertThat(six.bytes()).isGreaterThanOrEqualTo(12_000);
        assertThat(six.topLevel()).containsExactly("six");

        PackageUsage protobuf = r.pkg("protobuf").orElseThrow();
        assertThat(protobuf.files()).isEqualTo(3);
        assertThat(protobuf.topLevel()).containsExactly("google");

        PackageUsage attrs = r.pkg("attrs").orElseThrow();
        assertThat(attrs.root()).isEqualTo("python/lib/python3.12/site-packages/");
        assertThat(attrs.topLevel()).containsExactly("attr");
        assertThat(attrs.files()).isEqualTo(2);

        PackageUsage own = r.pkg("mypkg").orElseThrow();
        assertThat(own.kind()).isEqualTo(PackageKind.OWN_CODE);
        assertThat(own.files()).isEqualTo(3);
        assertThat(own.version()).isNull();
        assertThat(r.pkg("bin").orElseThrow().kind()).isEqualTo(PackageKind.OWN_CODE);

        assertThat(r.packages().stream().mapToLong(PackageUsage::bytes).sum()).isEqualTo(r.unzippedBytes());
        assertThat(r.packages().get(0).name()).isEqualTo("mypkg"); // largest first
        assertThat(r.layout()).isEqualTo(LayerLayout.MIXED);
        assertThat(r.pythonVersions()).containsExactly("3.12");
    }

    @Test
    void theSizeTreeAddsUpAndIsSortedLargestFirst() throws Exception {
        InspectionReport r = inspect(new LayerSource.LocalZip(zipWith("zip")));
        SizeNode root = r.sizeTree();
        assertThat(root.bytes()).isEqualTo(r.unzippedBytes());
        assertThat(root.files()).isEqualTo(r.fileCount());
        assertSums(root);
        SizeNode python = root.children().stream().filter(n -> n.name().equals("python")).findFirst().orElseThrow();
        assertThat(python.children().get(0).name()).isEqualTo("mypkg");
        assertThat(r.topConsumers().get(0).path()).isEqualTo("python/mypkg/data.bin");
        assertThat(r.topConsumers().get(0).owner()).isEqualTo("mypkg");
    }

    private static void assertSums(SizeNode node) {
        if (node.children().isEmpty()) {
            return;
        }
        assertThat(node.children().stream().mapToLong(SizeNode::bytes).sum()).as(node.path()).isEqualTo(node.bytes());
        assertThat(node.children().stream().mapToLong(SizeNode::zippedBytes).sum()).isEqualTo(node.zippedBytes());
        for (int i = 1; i < node.children().size(); i++) {
            assertThat(node.children().get(i - 1).bytes()).isGreaterThanOrEqualTo(node.children().get(i).bytes());
        }
        node.children().forEach(ZipReadingTest::assertSums);
    }

    @Test
    void modesAreRead() throws Exception {
        InspectionReport r = inspect(new LayerSource.LocalZip(zipWith("zip")));
        ZipEntryInfo tool = r.entries().stream().filter(e -> e.path().equals("bin/tool")).findFirst().orElseThrow();
        assertThat(tool.permissions()).isEqualTo("rwxr-xr-x");
        ZipEntryInfo six = r.entries().stream().filter(e -> e.path().equals("python/six.py")).findFirst().orElseThrow();
        assertThat(six.permissions()).isEqualTo("rw-r--r--");
    }

    @Test
    void aFolderReadsLikeItsZip() throws Exception {
        InspectionReport zipped = inspect(new LayerSource.LocalZip(zipWith("zip")));
        InspectionReport folder = inspect(new LayerSource.Folder(tree));
        assertThat(folder.unzippedBytes()).isEqualTo(zipped.unzippedBytes());
        assertThat(folder.fileCount()).isEqualTo(zipped.fileCount());
        assertThat(folder.entryCount()).isEqualTo(zipped.entryCount());
        assertThat(folder.zippedEstimated()).isTrue();
        assertThat(folder.sha256()).isNull();
        assertThat((double) folder.zippedBytes()).isCloseTo(zipped.zippedBytes(), org.assertj.core.data.Percentage.withPercentage(15));
        Map<String, Long> zipCrcs = zipped.entries().stream().filter(e -> e.kind() == EntryKind.FILE)
                .collect(Collectors.toMap(ZipEntryInfo::path, ZipEntryInfo::crc));
        Map<String, Long> dirCrcs = folder.entries().stream().filter(e -> e.kind() == EntryKind.FILE)
                .collect(Collectors.toMap(ZipEntryInfo::path, ZipEntryInfo::crc));
        assertThat(dirCrcs).isEqualTo(zipCrcs);
        assertThat(folder.packages()).extracting(PackageUsage::name, PackageUsage::bytes)
                .containsExactlyInAnyOrderElementsOf(zipped.packages().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.bytes())).toList());
    }
}

package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishedStart;
import dev.layerstudio.model.SlimRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Inspector#startFrom} on a zip: what is pinned, what is extracted, and what never leaves the folder. */
class StartFromZipTest {

    @TempDir
    Path tmp;

    @Test
    void distributionsArePinnedAndOnlyOwnFilesAreExtractedInsideTheFolder() throws IOException {
        Path zip = tmp.resolve("layer.zip");
        String sp = "python/lib/python3.12/site-packages/";
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file(sp + "six.py", "X = 1\n")
                    .file(sp + "six-1.16.0.dist-info/RECORD", "six.py,,\nsix-1.16.0.dist-info/RECORD,,\n"
                            + "six-1.16.0.dist-info/INSTALLER,,\nsix-1.16.0.dist-info/METADATA,,\n")
                    .file(sp + "six-1.16.0.dist-info/METADATA", "Name: six\nVersion: 1.16.0\n")
                    .file(sp + "six-1.16.0.dist-info/INSTALLER", "uv\n")
                    .file(sp + "app/__init__.py", "import six\n")
                    .file("config/settings.json", "{}\n")
                    .file("../escaped.py", "out")
                    .symlink(sp + "app/link", "../../..");
        }
        Path code = tmp.resolve("proj/layer-code");

        PublishedStart start = new Inspector(tmp.resolve("cache")).startFrom(LayerSourceOf(zip), code,
                ProgressListener.NONE);

        assertThat(start.pins()).containsExactly("six==1.16.0");
        assertThat(start.layout()).isEqualTo(Layout.SITE_PACKAGES);
        assertThat(start.installer()).isEqualTo(InstallerChoice.UV);
        assertThat(start.slimming()).isEmpty();
        assertThat(start.codePaths()).containsExactly("config", sp + "app");
        assertThat(code.resolve(sp + "app/__init__.py")).hasContent("import six");
        assertThat(code.resolve("config/settings.json")).exists();
        assertThat(code.resolve(sp + "six.py")).doesNotExist();
        assertThat(tmp.resolve("escaped.py")).doesNotExist();
        assertThat(tmp.resolve("proj/escaped.py")).doesNotExist();
        try (Stream<Path> s = Files.walk(tmp.resolve("proj"))) {
            assertThat(s.filter(Files::isSymbolicLink)).isEmpty();
        }
        assertThat(start.notes()).anyMatch(n -> n.contains("symbolic link"))
                .anyMatch(n -> n.startsWith("1 entry with a name that leaves the layer's folder"));
        assertThat(start.project("l", java.util.List.of("python3.12"), dev.layerstudio.model.Architecture.X86_64,
                null).code()).extracting(c -> c.source() + "=" + c.destination())
                .containsExactly("layer-code/config=config", "layer-code/" + sp + "app=" + sp + "app");
    }

    @Test
    void missingTestFoldersShowTheLayerWasSlimmedAndAFullFolderIsRefused() throws IOException {
        Path zip = tmp.resolve("slim.zip");
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/pkg/__init__.py", "")
                    .file("python/pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\npkg/tests/test_x.py,,\n"
                            + "pkg/__pycache__/x.cpython-312.pyc,,\npkg-1.0.dist-info/RECORD,,\n");
        }
        PublishedStart start = new Inspector(tmp.resolve("cache")).startFrom(LayerSourceOf(zip),
                tmp.resolve("code"), ProgressListener.NONE);
        assertThat(start.slimming()).containsAll(SlimRule.standard()).doesNotContain(SlimRule.BOTO3);
        assertThat(start.ownFiles()).isEmpty();

        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> new Inspector(tmp.resolve("cache")).startFrom(LayerSourceOf(zip), full,
                ProgressListener.NONE)).hasMessageContaining("is not empty; nothing was extracted");
        assertThat(full.resolve("keep.txt")).hasContent("mine");
    }

    private static LayerSource LayerSourceOf(Path zip) {
        return new LayerSource.LocalZip(zip);
    }
}

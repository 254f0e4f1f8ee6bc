package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.ContentFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a zip holds for the compatibility verdict, read from real zips with real headers. */
class ContentFactsTest {

    @TempDir
    Path dir;

    @Test
    void nativeCodeIsCountedByProcessorPythonAndOperatingSystem() throws Exception {
        Path zip = dir.resolve("l.zip");
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/np/__init__.py", "X = 1\n")
                    .file("python/np/_core.cpython-312-aarch64-linux-gnu.so", ZipMaker.elf(0xb7))
                    .file("python/np/_umath.cpython-312-aarch64-linux-gnu.so", ZipMaker.elf(0xb7))
                    .file("python/np.libs/libopenblas.so", ZipMaker.elf(0xb7))
                    .file("python/other/_speedups.cpython-311-x86_64-linux-gnu.so", ZipMaker.elf(0x3e))
                    .file("python/mac/_fast.cpython-312-darwin.so", ZipMaker.machO());
        }
        ContentFacts facts = new Inspector(dir.resolve("cache")).contentFacts(LayerSource.of(zip));
        assertThat(facts.machines()).extracting(ContentFacts.Group::value, ContentFacts.Group::files)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aarch64", 3),
                        org.assertj.core.groups.Tuple.tuple("x86_64", 1));
        assertThat(facts.cpythonAbis()).extracting(ContentFacts.Group::value).containsExactly("312", "311");
        assertThat(facts.foreignOs()).singleElement().satisfies(g -> {
            assertThat(g.value()).startsWith("macOS");
            assertThat(g.example()).isEqualTo("python/mac/_fast.cpython-312-darwin.so");
        });
        assertThat(facts.pythonRootFiles()).isEqualTo(6);
        assertThat(facts.headersComplete()).isTrue();
        assertThat(facts.codeSha256()).isNotBlank();
    }

    @Test
    void aModuleInItsOwnPythonsFolderSaysNothingAgainstTheLayer() throws Exception {
        Path zip = dir.resolve("site.zip");
        try (ZipMaker z = ZipMaker.create(zip)) {
            z.file("python/lib/python3.12/site-packages/m/__init__.py", "")
                    .file("python/lib/python3.12/site-packages/m/_x.cpython-312-x86_64-linux-gnu.so",
                            ZipMaker.elf(0x3e))
                    .file("python/lib/python3.13/site-packages/m/_x.cpython-312-x86_64-linux-gnu.so",
                            ZipMaker.elf(0x3e));
        }
        ContentFacts facts = new Inspector(dir.resolve("cache")).contentFacts(LayerSource.of(zip));
        assertThat(facts.sitePackages()).containsExactly("3.12", "3.13");
        assertThat(facts.pythonRootFiles()).isZero();
        assertThat(facts.onlySitePackages()).isTrue();
        assertThat(facts.cpythonAbis()).singleElement().satisfies(g -> {
            assertThat(g.value()).isEqualTo("312");
            assertThat(g.example()).startsWith("python/lib/python3.13/");
        });
    }
}

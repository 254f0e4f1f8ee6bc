package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.SlimReport;
import dev.layerstudio.model.SlimRule;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlimmerTest {

    private static final Path T = Path.of("/staging");
    private static final Path MINE = Path.of("/home/me/app");

    private static ContentNode file(String path, long size, String pkg) {
        return ContentNode.file(path, new ContentSource.Installed(T.resolve(path), size, pkg));
    }

    private static ContentNode dir(String path, String pkg) {
        return ContentNode.folder(path, new ContentSource.Installed(T.resolve(path), 0, pkg));
    }

    private static LayerContent content() {
        return LayerContent.of(List.of(
                dir("python/pkg", "pkg"), file("python/pkg/__init__.py", 10, "pkg"),
                dir("python/pkg/__pycache__", "pkg"), file("python/pkg/__pycache__/x.cpython-312.pyc", 100, "pkg"),
                file("python/pkg/old.pyc", 5, "pkg"),
                dir("python/pkg/tests", "pkg"), file("python/pkg/tests/test_a.py", 1000, "pkg"),
                dir("python/pkg/docs", "pkg"), file("python/pkg/docs/index.rst", 300, "pkg"),
                dir("python/pkg/testing", "pkg"), file("python/pkg/testing/__init__.py", 40, "pkg"),
                dir("python/tests", null), file("python/tests/x.py", 1, null),
                dir("python/boto3", "boto3"), file("python/boto3/__init__.py", 2000, "boto3"),
                dir("python/boto3/__pycache__", "boto3"), file("python/boto3/__pycache__/a.pyc", 70, "boto3"),
                dir("python/boto3-1.0.dist-info", "boto3"), file("python/boto3-1.0.dist-info/RECORD", 30, "boto3"),
                dir("python/botocore", "botocore"), file("python/botocore/data.json", 5000, "botocore"),
                ContentNode.folder("python/app", new ContentSource.User(MINE, 0, MINE)),
                ContentNode.file("python/app/tests/t.py", new ContentSource.User(MINE.resolve("tests/t.py"), 9, MINE)),
                ContentNode.file("python/app/__pycache__/m.pyc", new ContentSource.User(MINE.resolve("m.pyc"), 9, MINE))));
    }

    @Test
    void eachRuleReportsWhatItWouldSave() {
        SlimReport r = Slimmer.preview(content(), EnumSet.allOf(SlimRule.class));
        assertThat(r.savings()).extracting(SlimReport.Saving::rule).containsExactly(SlimRule.values());
        assertThat(saving(r, SlimRule.PYCACHE)).satisfies(s -> {
            assertThat(s.bytes()).isEqualTo(105);
            assertThat(s.files()).isEqualTo(2);
            assertThat(s.paths()).containsExactly("python/pkg/__pycache__", "python/pkg/old.pyc");
        });
        assertThat(saving(r, SlimRule.TESTS).paths()).containsExactly("python/pkg/tests");
        assertThat(saving(r, SlimRule.DOCS).paths()).containsExactly("python/pkg/docs");
        assertThat(saving(r, SlimRule.BOTO3)).satisfies(s -> {
            assertThat(s.paths()).containsExactly("python/boto3", "python/boto3-1.0.dist-info", "python/botocore");
            assertThat(s.bytes()).isEqualTo(2000 + 70 + 30 + 5000);
        });
        assertThat(r.totalBytes()).isEqualTo(105 + 1000 + 300 + 7100);
    }

    @Test
    void applyingTakesOutExactlyWhatWasPreviewedAndNeverTheUsersFiles() {
        LayerContent before = content();
        SlimReport r = Slimmer.preview(before, EnumSet.allOf(SlimRule.class));
        LayerContent after = Slimmer.apply(before, r);
        assertThat(before.totalBytes() - after.totalBytes()).isEqualTo(r.totalBytes());
        assertThat(after.contains("python/app/tests/t.py")).isTrue();
        assertThat(after.contains("python/app/__pycache__/m.pyc")).isTrue();
        assertThat(after.contains("python/pkg/testing/__init__.py")).as("testing is imported at run time").isTrue();
        assertThat(after.contains("python/tests/x.py")).as("not inside a package").isTrue();
    }

    @Test
    void aFolderHoldingTheUsersFilesLosesOnlyItsInstalledOnes() {
        LayerContent c = content().add(ContentNode.file("python/pkg/tests/mine.py",
                new ContentSource.User(MINE.resolve("mine.py"), 4, MINE)));
        SlimReport r = Slimmer.preview(c, Set.of(SlimRule.TESTS));
        assertThat(saving(r, SlimRule.TESTS).paths()).containsExactly("python/pkg/tests/test_a.py");
        assertThat(Slimmer.apply(c, r).contains("python/pkg/tests/mine.py")).isTrue();
    }

    @Test
    void noRulesNoSavings() {
        assertThat(Slimmer.preview(content(), Set.of()).savings()).isEmpty();
    }

    private static SlimReport.Saving saving(SlimReport r, SlimRule rule) {
        return r.savings().stream().filter(s -> s.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void nodePackagesLoseTheirTestFoldersButAPackageNamedTestStays() {
        LayerContent node = LayerContent.of(List.of(
                dir("nodejs/node_modules/lib", null), file("nodejs/node_modules/lib/index.js", 10, null),
                dir("nodejs/node_modules/lib/test", null), file("nodejs/node_modules/lib/test/a.js", 200, null),
                dir("nodejs/node_modules/lib/node_modules", null),
                dir("nodejs/node_modules/lib/node_modules/docs", null),
                file("nodejs/node_modules/lib/node_modules/docs/index.js", 30, null),
                dir("nodejs/node_modules/@scope", null), dir("nodejs/node_modules/@scope/test", null),
                file("nodejs/node_modules/@scope/test/index.js", 40, null)));
        SlimReport r = Slimmer.preview(node, SlimRule.standard());
        assertThat(r.paths()).containsExactly("nodejs/node_modules/lib/test");
    }
}

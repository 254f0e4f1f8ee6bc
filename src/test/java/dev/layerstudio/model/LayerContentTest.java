package dev.layerstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerContentTest {

    private static final Path STAGING = Path.of("/staging/target");
    private static final Path MINE = Path.of("/home/me/mylib");

    private static ContentSource.Installed installed(String rel, long size, String pkg) {
        return new ContentSource.Installed(STAGING.resolve(rel), size, pkg);
    }

    private static ContentSource.User mine(String rel, long size) {
        return new ContentSource.User(MINE.resolve(rel), size, MINE);
    }

    private static LayerContent sample() {
        return LayerContent.of(List.of(
                ContentNode.folder("python/requests", installed("requests", 0, "requests")),
                ContentNode.file("python/requests/__init__.py", installed("requests/__init__.py", 100, "requests")),
                ContentNode.file("python/requests/api.py", installed("requests/api.py", 50, "requests")),
                ContentNode.folder("python/mylib", mine("", 0)),
                ContentNode.file("python/mylib/__init__.py", mine("__init__.py", 7))));
    }

    @Test
    void addingCreatesTheFoldersAbove() {
        LayerContent c = sample();
        assertThat(c.node("python")).get().satisfies(n -> {
            assertThat(n.directory()).isTrue();
            assertThat(n.source()).isNull();
        });
        assertThat(c.children("")).extracting(ContentNode::path).containsExactly("python");
        assertThat(c.children("python")).extracting(ContentNode::name).containsExactly("mylib", "requests");
        assertThat(c.children("python/requests")).extracting(ContentNode::name).containsExactly("__init__.py", "api.py");
        assertThat(c.fileCount()).isEqualTo(3);
        assertThat(c.totalBytes()).isEqualTo(157);
        assertThat(c.bytesUnder("python/requests")).isEqualTo(150);
        assertThat(c.conflicts()).isEmpty();
    }

    @Test
    void sizesCountEveryLevelAndEachTreeKeepsItsOwnCounts() {
        LayerContent before = sample();
        assertThat(before.bytesUnder("python")).isEqualTo(157);
        assertThat(before.bytesUnder("python/requests/api.py")).isEqualTo(50);
        assertThat(before.bytesUnder("python/nothing")).isZero();

        LayerContent after = before.add(ContentNode.file("python/requests/sessions.py",
                installed("requests/sessions.py", 30, "requests")));
        assertThat(after.bytesUnder("python/requests")).isEqualTo(180);
        assertThat(after.bytesUnder("python")).isEqualTo(187);
        assertThat(after.fileCount()).isEqualTo(4);
        assertThat(after.totalBytes()).isEqualTo(187);
        // the tree the change was made on still counts what it holds
        assertThat(before.bytesUnder("python/requests")).isEqualTo(150);
        assertThat(before.fileCount()).isEqualTo(3);
        assertThat(before.totalBytes()).isEqualTo(157);
    }

    @Test
    void changesReturnANewTreeAndLeaveTheOldOne() {
        LayerContent before = sample();
        LayerContent after = before.remove("python/requests");
        assertThat(before.contains("python/requests/api.py")).isTrue();
        assertThat(after.contains("python/requests")).isFalse();
        assertThat(after.contains("python/requests/api.py")).isFalse();
        assertThat(after.contains("python/mylib/__init__.py")).isTrue();
        assertThat(after.remove("python/nothing")).isSameAs(after);
    }

    @Test
    void twoSourcesForOneFileAreAConflictUntilResolved() {
        ContentSource.User my = mine("api.py", 9);
        LayerContent c = sample().add(ContentNode.file("python/requests/api.py", my));
        assertThat(c.conflicts()).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo("python/requests/api.py");
            assertThat(n.sources()).hasSize(2);
        });
        LayerContent resolved = c.resolve("python/requests/api.py", my);
        assertThat(resolved.conflicts()).isEmpty();
        assertThat(resolved.node("python/requests/api.py").orElseThrow().source()).isEqualTo(my);
        assertThatThrownBy(() -> c.resolve("python/requests/api.py", mine("other.py", 1)))
                .isInstanceOf(LayerStudioException.class);
    }

    @Test
    void aPolicySettlesEveryConflict() {
        ContentSource.User my = mine("api.py", 9);
        LayerContent c = sample().add(ContentNode.file("python/requests/api.py", my));
        assertThat(c.resolveAll(ConflictPolicy.FAIL).conflicts()).hasSize(1);
        assertThat(c.resolveAll(ConflictPolicy.PREFER_MINE).node("python/requests/api.py").orElseThrow().source())
                .isEqualTo(my);
        assertThat(c.resolveAll(ConflictPolicy.PREFER_INSTALLED).node("python/requests/api.py").orElseThrow().source())
                .isInstanceOf(ContentSource.Installed.class);
    }

    @Test
    void theSameSourceTwiceIsNoConflictAndFoldersMerge() {
        LayerContent c = sample().add(sample().nodes());
        assertThat(c).isEqualTo(sample());
        LayerContent merged = c.add(ContentNode.folder("python/requests", mine("", 0)),
                ContentNode.file("python/requests/extra.py", mine("extra.py", 3)));
        assertThat(merged.conflicts()).isEmpty();
        assertThat(merged.children("python/requests")).extracting(ContentNode::name)
                .containsExactly("__init__.py", "api.py", "extra.py");
    }

    @Test
    void aFileCannotTakeTheplaceOfAFolder() {
        assertThatThrownBy(() -> sample().add(ContentNode.file("python/requests", mine("requests", 1))))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageContaining("cannot be both a file");
        assertThatThrownBy(() -> sample().add(ContentNode.file("python/mylib/__init__.py/x", mine("x", 1))))
                .isInstanceOf(LayerStudioException.class);
    }

    @Test
    void moveTakesEverythingBelowAndKeepsSources() {
        LayerContent c = sample().move("python/mylib", "python/pkg/mine");
        assertThat(c.contains("python/mylib")).isFalse();
        assertThat(c.node("python/pkg/mine/__init__.py").orElseThrow().source()).isEqualTo(mine("__init__.py", 7));
        assertThat(c.node("python/pkg").orElseThrow().directory()).isTrue();
        assertThatThrownBy(() -> c.move("python/pkg", "python/pkg/mine/inner"))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("into itself");
        assertThatThrownBy(() -> c.move("python/none", "python/x")).isInstanceOf(LayerStudioException.class);
    }

    @Test
    void movingOntoATakenFileMakesAConflict() {
        LayerContent c = sample().move("python/mylib/__init__.py", "python/requests/__init__.py");
        assertThat(c.conflicts()).extracting(ContentNode::path).containsExactly("python/requests/__init__.py");
    }

    @Test
    void renameAndMoveInto() {
        LayerContent c = sample().rename("python/mylib", "lib2").moveInto("python/lib2/__init__.py", "");
        assertThat(c.contains("python/lib2")).isTrue();
        assertThat(c.contains("__init__.py")).isTrue();
        assertThatThrownBy(() -> c.rename("python/lib2", "a/b")).isInstanceOf(LayerStudioException.class);
        assertThatThrownBy(() -> c.moveInto("python/lib2", "python/requests/api.py"))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("is a file");
    }

    @Test
    void pathsAreNormalisedAndMayNotLeaveTheLayer() {
        assertThat(LayerPaths.normalize("/python//a\\b/./c/")).isEqualTo("python/a/b/c");
        assertThatThrownBy(() -> LayerPaths.normalize("python/../../etc")).isInstanceOf(LayerStudioException.class);
        assertThatThrownBy(() -> LayerPaths.normalize("/")).isInstanceOf(LayerStudioException.class);
        assertThat(LayerContent.empty().createFolder("bin").node("bin").orElseThrow().entryName()).isEqualTo("bin/");
    }

    @Test
    void addedPathsParseLikeTheCommandLine() {
        assertThat(AddedPath.parse("src/mylib").resolvedDestination()).isEqualTo("python/mylib");
        assertThat(AddedPath.parse("src/mylib=python/lib/x").resolvedDestination()).isEqualTo("python/lib/x");
        assertThat(AddedPath.parse("handler.py=python/").resolvedDestination()).isEqualTo("python/handler.py");
        assertThat(AddedPath.parse("bin/tool=bin/tool").source()).isEqualTo(Path.of("bin/tool"));
        assertThatThrownBy(() -> AddedPath.parse("=python/x")).isInstanceOf(LayerStudioException.class);
    }
}

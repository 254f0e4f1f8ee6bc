package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.LayerStudioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePackagesCheckTest {

    private final NodePackagesCheck check = new NodePackagesCheck(ResourceBundle.getBundle("dev.layerstudio.ui.messages"));

    @TempDir
    Path tmp;

    @Test
    void acceptsWhatNpmTakesAsPackageSpecs() {
        assertThat(check.check("""
                # comment
                sharp@0.34.4
                @aws-sdk/client-s3
                lodash@^4.17.0  # utilities
                uuid@latest
                -r /work/app/package.json
                """)).isEmpty();
    }

    @Test
    void rejectsPipSyntaxOptionsAndOtherFilesWithASentence() {
        List<RequirementsCheck.Problem> problems = check.check("""
                sharp==0.34.4
                --registry https://example.com
                -r requirements.txt
                Not A Package
                """);
        assertThat(problems).extracting(RequirementsCheck.Problem::line).containsExactly(1, 2, 3, 4);
        assertThat(problems.get(0).message()).isEqualTo("npm pins a version with @: sharp@0.34.4.");
        assertThat(problems.get(1).message()).startsWith("--registry is an npm option");
        assertThat(problems.get(2).message()).contains("package.json");
        assertThat(problems.get(3).message()).startsWith("npm cannot read this package.");
    }

    @Test
    void aLockFileStandsForThePackageJsonBesideIt() throws Exception {
        Files.writeString(tmp.resolve("package.json"), "{}");
        Files.writeString(tmp.resolve("package-lock.json"), "{}");
        Files.writeString(tmp.resolve("list.txt"), "sharp@0.34.4\n");
        assertThat(NodePackagesCheck.load(tmp.resolve("package-lock.json")).text())
                .isEqualTo("-r " + tmp.resolve("package.json").toAbsolutePath() + "\n");
        assertThat(NodePackagesCheck.load(tmp.resolve("list.txt")).text()).isEqualTo("sharp@0.34.4\n");
        Path alone = Files.createDirectories(tmp.resolve("alone"));
        Files.writeString(alone.resolve("pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
        assertThatThrownBy(() -> NodePackagesCheck.load(alone.resolve("pnpm-lock.yaml")))
                .isInstanceOf(LayerStudioException.class).hasMessageContaining("no package.json beside");
    }
}

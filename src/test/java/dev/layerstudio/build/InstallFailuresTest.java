package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences from pip's and uv's own words (as they print them); real runs are in LayerBuilderTest. */
class InstallFailuresTest {

    private static final InstallSpec ARM = InstallSpec.of(Runtime.parse("python3.12"), Architecture.ARM64, Requirements.of("x"));

    private static ProcessRunner.Result failed(String... lines) {
        return new ProcessRunner.Result(1, List.of(lines));
    }

    @Test
    void pipNoWheelForTheTargetNamesThePackageAndTheWheelsItHas() {
        LayerStudioException e = InstallFailures.pip(ARM, failed(
                "ERROR: Could not find a version that satisfies the requirement nativepkg (from versions: none)",
                "ERROR: No matching distribution found for nativepkg"), List.of(
                "Skipping link: none of the wheel's tags (cp312-cp312-manylinux2014_x86_64) are compatible (run pip "
                        + "debug --verbose to show compatible tags): file:///w/nativepkg-1.0-cp312-cp312-manylinux2014_x86_64.whl",
                "Skipping link: No sources permitted for nativepkg: file:///w/other-1.0.tar.gz"));
        assertThat(e.getMessage()).isEqualTo("nativepkg has no wheel for Linux arm64 / CPython 3.12. "
                + "Its wheels are for: cp312-cp312-manylinux2014_x86_64.");
        assertThat(e.hint()).contains("build for x86_64", "pin a version of nativepkg");
    }

    @Test
    void pipSourceOnlyPackageNeedsCompiling() {
        LayerStudioException e = InstallFailures.pip(ARM, failed("ERROR: No matching distribution found for srconly==1.0"),
                List.of("Skipping link: No sources permitted for nativepkg: file:///w/srconly-1.0.tar.gz"));
        assertThat(e.getMessage()).startsWith("srconly needs compiling");
    }

    @Test
    void pipLinksFromAnIndexPageAreReadToo() {
        // pip 23 and later end each skipped link with the page it came from
        LayerStudioException e = InstallFailures.pip(ARM, failed("ERROR: No matching distribution found for docopt==0.6.2"),
                List.of("  Skipping link: No sources permitted for docopt: https://files.pythonhosted.org/packages/a2/"
                        + "55/docopt-0.6.2.tar.gz (from https://pypi.org/simple/docopt/)"));
        assertThat(e).isInstanceOf(SourceOnlyException.class).hasMessageStartingWith("docopt needs compiling");
        assertThat(((SourceOnlyException) e).requirement()).isEqualTo("docopt==0.6.2");
        LayerStudioException wheels = InstallFailures.pip(ARM, failed("ERROR: No matching distribution found for nf"),
                List.of("Skipping link: none of the wheel's tags (cp39-cp39-win_amd64) are compatible (run pip debug "
                        + "--verbose to show compatible tags): https://files.example/nf-1.0-cp39-cp39-win_amd64.whl "
                        + "(from https://pypi.org/simple/nf/)"));
        assertThat(wheels.getMessage()).isEqualTo("nf has no wheel for Linux arm64 / CPython 3.12. "
                + "Its wheels are for: cp39-cp39-win_amd64.");
    }

    @Test
    void hashedAndUnhashedRequirementsTogetherAreSaidPlainly() {
        assertThat(InstallFailures.pip(ARM, failed("ERROR: Hashes are required in --require-hashes mode, but they are "
                + "missing from some requirements."), List.of()).getMessage())
                .startsWith("Some requirements are pinned with hashes and others are not");
        assertThat(InstallFailures.uv(ARM, failed("error: In `--require-hashes` mode, all requirements must have a "
                + "hash, but none were provided for: docopt")).getMessage())
                .startsWith("Some requirements are pinned with hashes and others are not");
    }

    @Test
    void pipNetworkTroubleWinsOverTheNoMatchThatFollows() {
        LayerStudioException e = InstallFailures.pip(ARM, failed(
                "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after "
                        + "connection broken by 'NewConnectionError('<...>: Failed to establish a new connection: "
                        + "[Errno 111] Connection refused')': /simple/requests/",
                "ERROR: No matching distribution found for requests"), List.of());
        assertThat(e.getMessage()).startsWith("Could not reach the package index");
    }

    @Test
    void pipConflictsQuoteTheCause() {
        LayerStudioException e = InstallFailures.pip(ARM, failed(
                "ERROR: Cannot install a==1 and b==1 because these package versions have conflicting dependencies.",
                "The conflict is caused by:", "    a 1 depends on c==1", "    b 1 depends on c==2", "",
                "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io"), List.of());
        assertThat(e.getMessage()).contains("conflict", "a 1 depends on c==1", "b 1 depends on c==2");
    }

    @Test
    void uvSentencesMapToTheSameCauses() {
        assertThat(InstallFailures.uv(ARM, failed("error: No solution found when resolving dependencies",
                "  cause: Because nativepkg==1.0 has no wheels with a matching platform tag (e.g., `manylinux_2_34_aarch64`) "
                        + "and only nativepkg==1.0 is available, we can conclude that all versions of nativepkg cannot be used.",
                "hint: Wheels are available for `nativepkg` (v1.0) on the following platform: `manylinux2014_x86_64`"))
                .getMessage()).isEqualTo("nativepkg has no wheel for Linux arm64 / CPython 3.12. "
                + "Its wheels are for: manylinux2014_x86_64.");
        assertThat(InstallFailures.uv(ARM, failed(
                "  cause: Because srconly==1.0 has no usable wheels and only srconly==1.0 is available, we can conclude"))
                .getMessage()).startsWith("srconly needs compiling");
        assertThat(InstallFailures.uv(ARM, failed(
                "  cause: Because nosuchpkg was not found in the package registry and you require nosuchpkg, we can"))
                .getMessage()).isEqualTo("nosuchpkg was not found on the package index.");
        assertThat(InstallFailures.uv(ARM, failed("error: Request failed after 3 retries in 8.1s",
                "  cause: Failed to fetch: http://127.0.0.1:9/simple/requests/")).getMessage())
                .startsWith("Could not reach the package index");
    }

    @Test
    void fileNamesAreMatchedToProjectsByTheirCanonicalName() {
        assertThat(InstallFailures.fileBelongsTo("https://x/py/Markup_Safe-3.0-cp312-none-any.whl#sha256=1", "markup-safe")).isTrue();
        assertThat(InstallFailures.fileBelongsTo("file:///w/markupsafe2-1.0.tar.gz", "markupsafe")).isFalse();
        assertThat(InstallFailures.projectName("requests[socks]>=2.0; python_version>'3'")).isEqualTo("requests");
    }
}

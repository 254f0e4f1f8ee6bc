package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input format read from files its own tool wrote (see inputs/README.md), into the same pins. */
class InputFilesTest {

    static final String DATEUTIL_WHEEL = "sha256:a8b2bc7bffae282281c8140a97d3aa9c14da0b136dfe83f850eea9a5f7470427";
    static final String SIX_WHEEL = "sha256:4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274";

    @TempDir
    Path tmp;

    static Path fixture(String name) throws Exception {
        return Path.of(InputFilesTest.class.getResource("/dev/layerstudio/build/inputs/" + name).toURI());
    }

    private static List<String> pins(InputRead read) {
        return read.items().stream().map(InputRead.Item::requirement).toList();
    }

    @Test
    void poetryLockGivesTheMainGroupPinnedWithHashes() throws Exception {
        InputRead main = InputFiles.read(fixture("poetry/poetry.lock"), List.of());
        assertThat(pins(main)).containsExactly("python-dateutil==2.9.0.post0", "six==1.17.0");
        assertThat(main.items().get(1).hashes()).contains(SIX_WHEEL).hasSize(2);
        assertThat(main.summary()).isEqualTo("poetry.lock: 2 packages pinned with hashes, group main");
        assertThat(pins(InputFiles.read(fixture("poetry/poetry.lock"), List.of("dev"))))
                .containsExactly("iniconfig==2.1.0", "python-dateutil==2.9.0.post0", "six==1.17.0");
        InputRead extra = InputFiles.read(fixture("poetry/poetry.lock"), List.of("extra"));
        assertThat(pins(extra)).containsExactly("attrs==25.3.0", "python-dateutil==2.9.0.post0", "six==1.17.0");
        assertThat(extra.items().get(0).marker()).as("the extra's marker is settled by choosing it").isNull();
        assertThatThrownBy(() -> InputFiles.read(fixture("poetry/poetry.lock"), List.of("docs")))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("poetry.lock has no group named 'docs' (its groups: extra, main, dev).");
    }

    @Test
    void uvLockIsWalkedFromTheProject() throws Exception {
        InputRead main = InputFiles.read(fixture("uv/uv.lock"), List.of());
        assertThat(pins(main)).containsExactly("python-dateutil==2.9.0.post0", "six==1.17.0");
        assertThat(main.items().get(0).hashes()).contains(DATEUTIL_WHEEL);
        assertThat(main.summary()).isEqualTo("uv.lock: 2 packages pinned with hashes, group main");
        assertThat(pins(InputFiles.read(fixture("uv/uv.lock"), List.of("dev", "extra"))))
                .containsExactly("attrs==25.3.0", "iniconfig==2.1.0", "python-dateutil==2.9.0.post0", "six==1.17.0");
        assertThatThrownBy(() -> InputFiles.read(fixture("uv/uv.lock"), List.of("docs")))
                .hasMessage("uv.lock has no group named 'docs' (its groups: extra, dev).");
    }

    @Test
    void pipfileLockGivesDefaultAndDevelopOnRequest() throws Exception {
        InputRead main = InputFiles.read(fixture("pipenv/Pipfile.lock"), List.of());
        assertThat(pins(main)).containsExactly("python-dateutil==2.9.0.post0", "six==1.17.0");
        assertThat(main.items().get(1).marker()).startsWith("python_version >= '2.7'");
        assertThat(main.items().get(1).line()).startsWith("six==1.17.0 ; python_version >= '2.7'")
                .contains(" --hash=" + SIX_WHEEL);
        assertThat(main.summary()).isEqualTo("Pipfile.lock: 2 packages pinned with hashes, group default");
        assertThat(pins(InputFiles.read(fixture("pipenv/Pipfile.lock"), List.of("dev")))).contains("iniconfig==2.1.0");
        assertThatThrownBy(() -> InputFiles.read(fixture("pipenv/Pipfile.lock"), List.of("docs")))
                .hasMessage("Pipfile.lock has no section named 'docs' (its sections: default, develop).");
    }

    @Test
    void pyprojectGivesItsDeclaredRequirementsAndNamedGroups() throws Exception {
        InputRead main = InputFiles.read(fixture("uv/pyproject.toml"), List.of());
        assertThat(pins(main)).containsExactly("python-dateutil==2.9.0.post0");
        assertThat(main.summary()).isEqualTo("pyproject.toml: 1 requirement, group main");
        assertThat(pins(InputFiles.read(fixture("uv/pyproject.toml"), List.of("extra", "dev"))))
                .containsExactly("python-dateutil==2.9.0.post0", "attrs==25.3.0", "iniconfig==2.1.0");
        Path poetryOnly = tmp.resolve("pyproject.toml");
        Files.writeString(poetryOnly, "[tool.poetry.dependencies]\npython = \"^3.12\"\nrequests = \"^2\"\n");
        assertThatThrownBy(() -> InputFiles.read(poetryOnly, List.of())).isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("pyproject.toml declares its dependencies in Poetry's own table");
        Files.writeString(poetryOnly, "[project\nname = 1");
        assertThatThrownBy(() -> InputFiles.read(poetryOnly, List.of())).isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("pyproject.toml could not be read:");
    }

    @Test
    void expandingWritesARequirementsFileForEachLockAndLeavesRequirementsFilesAlone() throws Exception {
        Path hashed = fixture("requirements-hashed.txt");
        InputFiles.Expanded e = InputFiles.expand(new Requirements(List.of("-r " + fixture("uv/uv.lock")),
                List.of(fixture("poetry/poetry.lock"), hashed)), tmp, tmp.resolve("inputs"));
        assertThat(e.summaries()).containsExactly("uv.lock: 2 packages pinned with hashes, group main",
                "poetry.lock: 2 packages pinned with hashes, group main",
                "requirements-hashed.txt: 2 requirements, 2 with hashes");
        Path fromUv = Path.of(e.requirements().lines().get(0).substring(3));
        assertThat(Files.readAllLines(fromUv)).contains("python-dateutil==2.9.0.post0 --hash="
                + "sha256:37dd54208da7e1cd875388217d5e00ebd4179249f90fb72437e91a35459a0ad3 --hash=" + DATEUTIL_WHEEL);
        assertThat(e.requirements().files()).hasSize(2).endsWith(hashed);
        assertThat(e.requirements().files().get(0)).hasParent(tmp.resolve("inputs"));
    }
}

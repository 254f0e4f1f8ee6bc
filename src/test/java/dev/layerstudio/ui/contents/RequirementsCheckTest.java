package dev.layerstudio.ui.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class RequirementsCheckTest {

    private final RequirementsCheck check = new RequirementsCheck(ResourceBundle.getBundle("dev.layerstudio.ui.messages"));

    @Test
    void acceptsWhatPipAcceptsInARequirementsFile() {
        String text = """
                # comment
                requests==2.32.3
                pydantic[email]>=2,<3  # inline comment
                boto3 ~= 1.34
                numpy; python_version >= "3.10"
                mylib @ https://example.com/mylib-1.0-py3-none-any.whl
                ./wheels/tool-1.0-py3-none-any.whl
                django==4.2.*
                --no-index
                --find-links /opt/wheels
                --extra-index-url=https://user:secret@pypi.example.com/simple
                -r other.txt
                attrs==23.1.0 --hash=sha256:abc
                """;
        assertThat(check.check(text)).isEmpty();
    }

    @Test
    void flagsLinesPipWouldRejectWithTheirNumbers() {
        var problems = check.check("requests=2.0\n\n--find-links\n--bogus x\n~requests\nfoo bar\n--no-index yes\n");
        assertThat(problems).extracting(RequirementsCheck.Problem::line).containsExactly(1, 3, 4, 5, 6, 7);
        assertThat(problems.get(0).message()).contains("requests==2.0");
        assertThat(problems.get(1).message()).contains("--find-links needs a value");
        assertThat(problems.get(2).message()).contains("--bogus");
        assertThat(problems.get(5).message()).contains("takes no value");
    }

    @Test
    void uvsIndexOptionsAreNamedAsUvsNotAsUnknown() {
        // the builder shows --index as an option that changes where packages come from; pip stops at it
        var problems = check.check("--index https://uv.example.com/simple\n--default-index=https://x/simple\n"
                + "--index-url https://pypi.example.com/simple\n");
        assertThat(problems).extracting(RequirementsCheck.Problem::line).containsExactly(1, 2);
        assertThat(problems.get(0).message()).startsWith("--index is an option of uv").contains("--index-url");
        assertThat(problems.get(1).message()).startsWith("--default-index is an option of uv");
    }

    @Test
    void commentsAreCutWherePipCutsThem() {
        assertThat(RequirementsCheck.withoutComment("requests # http")).isEqualTo("requests");
        assertThat(RequirementsCheck.withoutComment("  # whole line")).isEmpty();
        assertThat(RequirementsCheck.withoutComment("pkg @ https://h/x.whl#sha256=1")).isEqualTo("pkg @ https://h/x.whl#sha256=1");
    }
}

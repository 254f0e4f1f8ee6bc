package dev.layerstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Counting messages say "1 package" and "2 packages": the plural is the bundle's. */
class TextsTest {

    private final Texts texts = new Texts(ResourceBundle.getBundle("dev.layerstudio.ui.messages"));

    @Test
    void oneAndManyReadAsEnglish() {
        assertThat(texts.text("contents.install.done", 1, "python3.12", "x86_64", "pip"))
                .isEqualTo("Installed 1 package for python3.12 · x86_64 with pip.");
        assertThat(texts.text("contents.install.done", 2, "python3.12", "arm64", "uv"))
                .isEqualTo("Installed 2 packages for python3.12 · arm64 with uv.");
        assertThat(texts.text("attach.confirm.header", 1)).startsWith("1 function will be updated.");
        assertThat(texts.text("attach.confirm.header", 3)).startsWith("3 functions will be updated.");
        assertThat(texts.text("export.users", 4)).isEqualTo("The layer lists of 4 functions are included.");
    }
}

package dev.layerstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** The theme parses without errors: JavaFX would otherwise drop the rules after a mistake. */
class ThemeCssTest {

    @Test
    void themeParsesCleanly() throws Exception {
        URL css = ThemeCssTest.class.getResource("/dev/layerstudio/ui/theme.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();
        var sheet = new CssParser().parse(css);
        assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
        assertThat(sheet.getRules()).hasSizeGreaterThan(100);
    }
}

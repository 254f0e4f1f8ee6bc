package dev.layerstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The rule every page's status line follows, without a page: the latest action owns the line. */
class StatusLineTest {

    @Test
    void aLateAnswerOfAnOlderActionIsDropped() {
        StatusLine line = new StatusLine();
        StatusLine.Action first = line.begin("Installing…");
        StatusLine.Action second = line.begin();
        assertThat(line.get()).isEmpty();
        first.say("Installed 3 packages.");
        assertThat(line.get()).isEmpty();
        assertThat(first.isCurrent()).isFalse();
        second.fail("pip failed.");
        assertThat(line.get()).isEqualTo("pip failed.");
        assertThat(line.failedProperty().get()).isTrue();
        line.show("Loaded.");
        assertThat(line.failedProperty().get()).isFalse();
    }

    @Test
    void linkedLinesAndContextsClearIt() {
        StatusLine install = new StatusLine();
        StatusLine tree = new StatusLine();
        StatusLine.link(install, tree);
        SimpleStringProperty runtime = new SimpleStringProperty("python3.12");
        install.clearedBy(runtime);

        tree.show("Undone.");
        StatusLine.Action running = install.begin();
        assertThat(tree.get()).as("a newer action elsewhere on the page").isEmpty();
        running.say("Install cancelled.");
        assertThat(install.get()).isEqualTo("Install cancelled.");
        tree.show("Removed a.py.");
        assertThat(install.get()).isEmpty();

        install.show("Installed for python3.12.");
        runtime.set("python3.11");
        assertThat(install.get()).isEmpty();
        running.say("late");
        assertThat(install.get()).isEmpty();
    }
}

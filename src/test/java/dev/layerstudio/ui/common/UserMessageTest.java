package dev.layerstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.LayerStudioException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class UserMessageTest {

    @Test
    void aLayerStudioExceptionSpeaksForItself() {
        var m = UserMessage.of(new LayerStudioException("The zip is truncated.", "Build it again.",
                new java.io.EOFException("central directory")));
        assertThat(m.summary()).isEqualTo("The zip is truncated.");
        assertThat(m.hint()).isEqualTo("Build it again.");
        assertThat(m.details()).contains("EOFException: central directory").doesNotContain("\tat ");
    }

    @Test
    void wrappersAreLookedThrough() {
        var m = UserMessage.of(new ExecutionException(new UncheckedIOException(new NoSuchFileException("/x/a.zip"))));
        assertThat(m.summary()).isEqualTo("The file /x/a.zip does not exist.");
    }

    @Test
    void theUnexpectedPointsToTheLog() {
        var m = UserMessage.of(new IllegalStateException("boom"));
        assertThat(m.summary()).contains("IllegalStateException");
        assertThat(m.hint()).contains("log");
    }

}

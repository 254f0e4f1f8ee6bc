package dev.layerstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command prints: a human summary, or with {@code --json} exactly one JSON
 * document. Progress and warnings go to stderr so stdout stays parseable.
 */
public final class Output {

    /** Made on first use: most runs print no JSON, and making the mapper costs a start ~0.1 s. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(runtimeIds())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    static Output of(CommandSpec spec, boolean json) {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
    }

    public boolean json() {
        return json;
    }

    /** A line of the human summary (ignored in JSON mode). */
    public void line(String text) {
        if (!json) {
            out.println(text);
        }
    }

    public void line(String format, Object... args) {
        line(String.format(java.util.Locale.ROOT, format, args));
    }

    /** The JSON document (printed only in JSON mode). */
    public void document(Object value) {
        if (json) {
            try {
                out.println(Json.MAPPER.writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Progress or a warning, on stderr in both modes. */
    public void note(String text) {
        err.println(text);
    }

    public PrintWriter out() {
        return out;
    }

    /** Runtimes written as their Lambda ids ("python3.12"), as enums are. */
    static com.fasterxml.jackson.databind.Module runtimeIds() {
        return new com.fasterxml.jackson.databind.module.SimpleModule("runtime-ids")
                .addSerializer(dev.layerstudio.model.Runtime.class,
                        com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance);
    }

    public static ObjectMapper mapper() {
        return Json.MAPPER;
    }
}

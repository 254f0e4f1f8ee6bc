package dev.layerstudio.project;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.SlimRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes a {@link LayerProject} as a TOML file (through Jackson's TOML module): a
 * {@code version} line, then the tables {@code [layer]}, {@code [requirements]}, one
 * {@code [[code]]} per own file or folder (with the files and folders inside it left out, if any),
 * {@code [slimming]}, {@code [publish]} and
 * {@code [attach]}. Keys it does not know are reported in one sentence, never dropped silently.
 */
public final class ProjectFile {

    /** The name {@code project init} and {@code project from-version} give the file by default. */
    public static final String DEFAULT_NAME = "layer-studio.toml";

    private static final TomlMapper TOML = new TomlMapper();

    private static final Map<String, Set<String>> KNOWN = Map.of(
            "layer", Set.of("name", "runtimes", "architecture"),
            "requirements", Set.of("files", "packages", "groups", "layout", "installer", "python", "keep_scripts"),
            "code", Set.of("source", "destination", "exclude"),
            "slimming", Set.of("rules", "prefer"),
            "publish", Set.of("description", "license", "s3_bucket", "regions"),
            "attach", Set.of("functions", "waves"));

    private ProjectFile() {
    }

    /**
     * A project as read: the project, the folder its paths are relative to, and the keys that
     * were not understood (as {@code table.key}).
     */
    public record Read(LayerProject project, Path dir, List<String> unknownKeys) {
        public Read {
            unknownKeys = List.copyOf(unknownKeys);
        }

        /** One sentence naming the keys that were ignored, or {@code null} when there were none. */
        public String unknownKeysSentence(Path file) {
            if (unknownKeys.isEmpty()) {
                return null;
            }
            return file.getFileName() + " has " + (unknownKeys.size() == 1 ? "a key" : "keys")
                    + " Layer Studio does not know, ignored: " + String.join(", ", unknownKeys) + ".";
        }
    }

    /** Reads a project file. */
    public static Read read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LayerStudioException("The project file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new LayerStudioException("The project file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return parse(text, file.getFileName().toString(), dir);
    }

    /** Reads a project from its text; {@code name} names it in messages. */
    public static Read parse(String text, String name, Path dir) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            throw new LayerStudioException(name + " is not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ".", e);
        }
        return new Reader(root, name).read(dir);
    }

    /** Writes a project file, whole or not at all (written beside it and moved into place). */
    public static void write(LayerProject project, Path file) {
        Path target = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, toText(project), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new LayerStudioException("The project file " + file + " could not be written: " + e.getMessage(), e);
        }
    }

    /** The project as the file's text. */
    public static String toText(LayerProject p) {
        StringBuilder out = new StringBuilder();
        out.append("# Layer Studio project: one Lambda layer. Build it with `layer-studio build --project FILE`.\n");
        out.append("# Paths are relative to this file's folder.\n");
        out.append(toml(Map.of("version", p.format())));
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("name", p.layerName());
        layer.put("runtimes", p.runtimes());
        layer.put("architecture", p.architecture().id());
        table(out, "layer", layer);
        LayerProject.Inputs in = p.inputs();
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("files", in.files());
        req.put("packages", in.packages());
        req.put("groups", in.groups());
        req.put("layout", in.layout().id());
        req.put("installer", in.installer().id());
        if (in.python() != null) {
            req.put("python", in.python());
        }
        req.put("keep_scripts", in.keepScripts());
        table(out, "requirements", req);
        for (LayerProject.Code c : p.code()) {
            Map<String, Object> code = new LinkedHashMap<>();
            code.put("source", c.source());
            if (c.destination() != null) {
                code.put("destination", c.destination());
            }
            if (!c.exclude().isEmpty()) {
                code.put("exclude", c.exclude());
            }
            out.append("\n[[code]]\n").append(toml(code));
        }
        Map<String, Object> slim = new LinkedHashMap<>();
        slim.put("rules", p.slimming().stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        slim.put("prefer", p.prefer().id());
        table(out, "slimming", slim);
        LayerProject.Publish pub = p.publish();
        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("description", pub.description());
        publish.put("license", pub.license());
        if (pub.s3Bucket() != null) {
            publish.put("s3_bucket", pub.s3Bucket());
        }
        publish.put("regions", pub.regions());
        table(out, "publish", publish);
        Map<String, Object> attach = new LinkedHashMap<>();
        attach.put("functions", p.targets().functions());
        attach.put("waves", p.targets().waves());
        table(out, "attach", attach);
        return out.toString();
    }

    private static void table(StringBuilder out, String name, Map<String, Object> values) {
        out.append('\n').append('[').append(name).append("]\n").append(toml(values));
    }

    /** Flat key/value lines, quoted and escaped by Jackson's TOML writer. */
    private static String toml(Map<String, ?> values) {
        try {
            return TOML.writeValueAsString(values);
        } catch (JacksonException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the parsed tree, table by table, noting every key it does not know. */
    private static final class Reader {
        private final JsonNode root;
        private final String name;
        private final List<String> unknown = new ArrayList<>();

        Reader(JsonNode root, String name) {
            this.root = root;
            this.name = name;
        }

        Read read(Path dir) {
            JsonNode version = root.get("version");
            if (version == null) {
                throw new LayerStudioException(name + " is not a Layer Studio project file: it has no 'version' key.",
                        "A project file starts with version = " + LayerProject.FORMAT + ".", null);
            }
            if (!version.isIntegralNumber() || version.asInt() < 1) {
                throw new LayerStudioException(name + ": 'version' should be a whole number, such as "
                        + LayerProject.FORMAT + ".");
            }
            if (version.asInt() > LayerProject.FORMAT) {
                throw new LayerStudioException(name + " is a version " + version.asInt() + " project file, written by "
                        + "a newer Layer Studio; this one reads version " + LayerProject.FORMAT + ".",
                        "Update Layer Studio.", null);
            }
            root.fieldNames().forEachRemaining(k -> {
                if (!k.equals("version") && !KNOWN.containsKey(k)) {
                    unknown.add(k);
                }
            });
            JsonNode layer = table("layer");
            JsonNode req = table("requirements");
            JsonNode slim = table("slimming");
            JsonNode pub = table("publish");
            JsonNode attach = table("attach");
            String arch = text(layer, "layer", "architecture");
            LayerProject.Inputs inputs = new LayerProject.Inputs(list(req, "requirements", "files"),
                    list(req, "requirements", "packages"), list(req, "requirements", "groups"),
                    parse(req, "requirements", "layout", Layout::parse),
                    parse(req, "requirements", "installer", InstallerChoice::parse),
                    text(req, "requirements", "python"), bool(req, "requirements", "keep_scripts"));
            Set<SlimRule> rules = EnumSet.noneOf(SlimRule.class);
            for (String r : list(slim, "slimming", "rules")) {
                rules.add(slimRule(r));
            }
            LayerProject.Publish publish = new LayerProject.Publish(text(pub, "publish", "description"),
                    text(pub, "publish", "license"), text(pub, "publish", "s3_bucket"),
                    list(pub, "publish", "regions"));
            LayerProject.Targets targets = new LayerProject.Targets(list(attach, "attach", "functions"),
                    list(attach, "attach", "waves"));
            LayerProject project = new LayerProject(text(layer, "layer", "name"), list(layer, "layer", "runtimes"),
                    arch == null ? Architecture.X86_64 : Architecture.parse(arch), inputs, code(),
                    rules, parse(slim, "slimming", "prefer", ConflictPolicy::parse), publish, targets);
            return new Read(project, dir, unknown);
        }

        private List<LayerProject.Code> code() {
            JsonNode code = root.get("code");
            if (code == null) {
                return List.of();
            }
            if (!code.isArray()) {
                throw new LayerStudioException(name + ": 'code' should be a list of tables ([[code]] with source and "
                        + "destination).");
            }
            List<LayerProject.Code> all = new ArrayList<>();
            for (JsonNode c : code) {
                if (!c.isObject()) {
                    throw new LayerStudioException(name + ": each [[code]] entry should be a table with a source.");
                }
                known(c, "code");
                String source = text(c, "code", "source");
                try {
                    all.add(new LayerProject.Code(source, text(c, "code", "destination"),
                            list(c, "code", "exclude")));
                } catch (LayerStudioException e) {
                    throw source == null ? e : new LayerStudioException(name + ": the [[code]] entry of " + source
                            + ": " + e.getMessage(), e);
                }
            }
            return all;
        }

        private JsonNode table(String key) {
            JsonNode t = root.get(key);
            if (t == null) {
                return TOML.createObjectNode();
            }
            if (!t.isObject()) {
                throw new LayerStudioException(name + ": '" + key + "' should be a table ([" + key + "]).");
            }
            known(t, key);
            return t;
        }

        private void known(JsonNode table, String key) {
            table.fieldNames().forEachRemaining(k -> {
                if (!KNOWN.get(key).contains(k)) {
                    unknown.add(key + "." + k);
                }
            });
        }

        private String text(JsonNode table, String tableName, String key) {
            JsonNode v = table.get(key);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                throw new LayerStudioException(name + ": " + tableName + "." + key + " should be text in quotes.");
            }
            return v.asText();
        }

        private boolean bool(JsonNode table, String tableName, String key) {
            JsonNode v = table.get(key);
            if (v == null) {
                return false;
            }
            if (!v.isBoolean()) {
                throw new LayerStudioException(name + ": " + tableName + "." + key + " should be true or false.");
            }
            return v.asBoolean();
        }

        /** A list of text; a single text is taken as a list of one. */
        private List<String> list(JsonNode table, String tableName, String key) {
            JsonNode v = table.get(key);
            if (v == null) {
                return List.of();
            }
            if (v.isTextual()) {
                return List.of(v.asText());
            }
            List<String> all = new ArrayList<>();
            if (v.isArray()) {
                for (JsonNode item : v) {
                    if (!item.isTextual()) {
                        break;
                    }
                    all.add(item.asText());
                }
                if (all.size() == v.size()) {
                    return all;
                }
            }
            throw new LayerStudioException(name + ": " + tableName + "." + key + " should be a list of text, such as"
                    + " [\"a\", \"b\"].");
        }

        private <T> T parse(JsonNode table, String tableName, String key, java.util.function.Function<String, T> f) {
            String v = text(table, tableName, key);
            if (v == null) {
                return null;
            }
            try {
                return f.apply(v);
            } catch (LayerStudioException e) {
                throw new LayerStudioException(name + ": " + tableName + "." + key + ": " + e.getMessage(), e);
            }
        }

        private SlimRule slimRule(String r) {
            for (SlimRule rule : SlimRule.values()) {
                if (rule.name().equalsIgnoreCase(r.strip())) {
                    return rule;
                }
            }
            throw new LayerStudioException(name + ": slimming.rules has '" + r + "'; the rules are "
                    + String.join(", ", EnumSet.allOf(SlimRule.class).stream()
                            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList()) + ".");
        }
    }
}

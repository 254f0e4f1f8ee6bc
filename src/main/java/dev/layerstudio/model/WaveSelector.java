package dev.layerstudio.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which functions go into one wave of a staged upgrade: those with a tag, those whose name
 * matches a glob pattern, or a list of names.
 */
public sealed interface WaveSelector {

    /** Whether the function belongs to this wave. */
    boolean matches(String functionName, Map<String, String> tags);

    /** How people write it on the command line: {@code env=dev}, {@code api-*}, {@code a,b}. */
    String describe();

    /** Whether reading the functions' tags is needed to apply this selector. */
    default boolean needsTags() {
        return false;
    }

    /**
     * Reads a selector: {@code KEY=VALUE} is a tag (function names cannot hold {@code =}), text
     * with {@code *}, {@code ?} or {@code [} a name pattern, anything else a comma-separated
     * list of function names.
     */
    static WaveSelector parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new LayerStudioException("A wave needs a tag (KEY=VALUE), a name pattern or function names.");
        }
        int eq = s.indexOf('=');
        if (eq >= 0) {
            String key = s.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new LayerStudioException("'" + s + "' has no tag key; write a tag as KEY=VALUE, e.g. env=dev.");
            }
            return new Tag(key, s.substring(eq + 1).trim());
        }
        if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0) {
            return new NamePattern(s);
        }
        return new Names(Arrays.stream(s.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
    }

    /** Functions tagged {@code key=value} (tag keys and values are case-sensitive, as in Lambda). */
    record Tag(String key, String value) implements WaveSelector {
        public Tag {
            Objects.requireNonNull(key, "key");
            value = value == null ? "" : value;
        }

        @Override
        public boolean matches(String functionName, Map<String, String> tags) {
            return tags != null && value.equals(tags.get(key));
        }

        @Override
        public String describe() {
            return key + "=" + value;
        }

        @Override
        public boolean needsTags() {
            return true;
        }
    }

    /**
     * Functions whose whole name matches a glob: {@code *} any run of characters, {@code ?}
     * one character, {@code [abc]} / {@code [a-z]} / {@code [!abc]} one of (or none of) a set.
     */
    record NamePattern(String glob) implements WaveSelector {
        public NamePattern {
            Objects.requireNonNull(glob, "glob");
            toRegex(glob);
        }

        @Override
        public boolean matches(String functionName, Map<String, String> tags) {
            return toRegex(glob).matcher(functionName).matches();
        }

        @Override
        public String describe() {
            return glob;
        }

        static Pattern toRegex(String glob) {
            StringBuilder re = new StringBuilder();
            int i = 0;
            while (i < glob.length()) {
                char c = glob.charAt(i);
                if (c == '*') {
                    re.append(".*");
                } else if (c == '?') {
                    re.append('.');
                } else if (c == '[') {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new LayerStudioException("The pattern '" + glob + "' opens a [set] it does not close.");
                    }
                    String set = glob.substring(i + 1, close);
                    boolean negate = set.startsWith("!");
                    re.append('[').append(negate ? "^" : "");
                    for (char m : (negate ? set.substring(1) : set).toCharArray()) {
                        if ("\\[]^&".indexOf(m) >= 0) {
                            re.append('\\');
                        }
                        re.append(m);
                    }
                    re.append(']');
                    i = close;
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
                i++;
            }
            return Pattern.compile(re.toString());
        }
    }

    /** The functions named, exactly. */
    record Names(List<String> names) implements WaveSelector {
        public Names {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new LayerStudioException("A wave of named functions needs at least one name.");
            }
        }

        @Override
        public boolean matches(String functionName, Map<String, String> tags) {
            return names.contains(functionName);
        }

        @Override
        public String describe() {
            return String.join(",", names);
        }
    }
}

package dev.layerstudio.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes HCL (Terraform's native syntax): quoted strings with every escape HCL defines, lists,
 * and blocks whose attributes are aligned as {@code terraform fmt} aligns them.
 */
final class Hcl {

    private Hcl() {
    }

    /**
     * A quoted string: backslash, quote and control characters escaped, and the template
     * sequences {@code ${} and {@code %{} doubled so they stay literal text.
     */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> out.append(next == '{' ? "" + c + c : "" + c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A list of expressions on one line. */
    static String list(List<String> expressions) {
        return expressions.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /** A list of quoted strings. */
    static String strings(List<String> values) {
        return list(values.stream().map(Hcl::string).toList());
    }

    /** One block: {@code type "label" ... { name = expression ... }}. */
    static final class Block {
        private final String header;
        private final List<String[]> attributes = new ArrayList<>();

        Block(String type, String... labels) {
            StringBuilder h = new StringBuilder(type);
            for (String label : labels) {
                h.append(' ').append(string(label));
            }
            this.header = h.toString();
        }

        /** An attribute with an expression written as given (a quoted string, a list, a reference). */
        Block attribute(String name, String expression) {
            attributes.add(new String[] {name, expression});
            return this;
        }

        String render() {
            int width = attributes.stream().mapToInt(a -> a[0].length()).max().orElse(0);
            StringBuilder out = new StringBuilder(header).append(" {\n");
            for (String[] a : attributes) {
                out.append("  ").append(a[0]).append(" ".repeat(width - a[0].length())).append(" = ").append(a[1])
                        .append('\n');
            }
            return out.append("}\n").toString();
        }
    }
}

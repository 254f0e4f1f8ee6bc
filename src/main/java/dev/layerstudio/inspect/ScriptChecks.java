package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.Severity;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The programs a layer brings, for every language: files in {@code extensions/} (each one
 * Lambda starts as an extension) and {@code bin/} (on PATH) must be executable; a script
 * must not end its lines in CR LF; and its shebang must name an interpreter Lambda has.
 * The last is typically a console script installed by pip or uv, carrying the building
 * machine's Python ({@code #!/home/me/.venv/bin/python3}) and with it the user's home folder.
 */
final class ScriptChecks {

    /** Folders whose programs exist in every Lambda execution environment, or come from layers ({@code /opt}). */
    private static final List<String> ON_LAMBDA = List.of("/bin/", "/usr/bin/", "/sbin/", "/usr/sbin/",
            "/var/lang/bin/", "/opt/");

    private ScriptChecks() {
    }

    static List<Finding> check(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, String> e : ctx.scan().shebangs().entrySet()) {
            String interpreter = e.getValue();
            if (!existsOnLambda(interpreter)) {
                String where = e.getKey().startsWith("python/bin/")
                        ? " (and python/bin is on no search path in Lambda)" : "";
                String fix = interpreter.contains("python") ? "#!/var/lang/bin/python3"
                        : interpreter.contains("node") ? "#!/var/lang/bin/node" : "#!/bin/sh or #!/usr/bin/env NAME";
                out.add(Finding.of(FindingCode.SHEBANG_NOT_ON_LAMBDA, e.getKey() + " runs " + interpreter
                        + ", which does not exist on Lambda" + where
                        + ": leave the script out, or start it with " + fix + ".", e.getKey()));
            }
        }
        for (String script : ctx.scan().crlfScripts()) {
            out.add(Finding.of(FindingCode.CRLF_SCRIPT, script + " ends its lines in CR LF (Windows line ends):"
                    + " Linux then looks for an interpreter whose name ends in a carriage return and fails with"
                    + " \"bad interpreter\". Save it with LF line ends (for example: dos2unix " + script + ").", script));
        }
        notExecutable(ctx, out);
        return out;
    }

    /** Files in extensions/ and bin/ that were zipped with a mode lacking execute permission. */
    private static void notExecutable(CheckContext ctx, List<Finding> out) {
        for (ZipEntryInfo e : ctx.entries()) {
            String p = e.path();
            boolean extension = p.startsWith("extensions/");
            if (e.kind() != EntryKind.FILE || !e.hasMode() || (e.mode() & 0111) != 0
                    || !(extension || p.startsWith("bin/"))) {
                continue;
            }
            if (extension) {
                out.add(Finding.of(FindingCode.NOT_EXECUTABLE, p + " is not executable (" + e.permissions()
                        + "): Lambda starts every file in /opt/extensions as an extension, and this one fails to"
                        + " start. Make it executable (chmod 755 " + p + ") before zipping.", p));
            } else {
                out.add(new Finding(FindingCode.NOT_EXECUTABLE, Severity.WARNING, p + " is not executable ("
                        + e.permissions() + "): /opt/bin is on PATH, but this file cannot be run as a command."
                        + " Make it executable (chmod 755 " + p + ") before zipping, unless it is not a program.",
                        p, List.of(p), 0));
            }
        }
    }

    static boolean existsOnLambda(String interpreter) {
        if (!interpreter.startsWith("/") || interpreter.contains("/../")) {
            return false; // relative, a Windows path, or climbing about
        }
        return ON_LAMBDA.stream().anyMatch(interpreter::startsWith);
    }
}

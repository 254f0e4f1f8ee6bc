package dev.layerstudio.inspect;

import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scripts whose shebang names an interpreter Lambda does not have: typically console
 * scripts installed by pip or uv, which carry the building machine's Python
 * ({@code #!/home/me/.venv/bin/python3}) and with it the user's home folder.
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
                out.add(Finding.of(FindingCode.SHEBANG_NOT_ON_LAMBDA, e.getKey() + " runs " + interpreter
                        + ", which does not exist on Lambda" + where
                        + ": leave the script out, or start it with #!/var/lang/bin/python3.", e.getKey()));
            }
        }
        return out;
    }

    static boolean existsOnLambda(String interpreter) {
        if (!interpreter.startsWith("/") || interpreter.contains("/../")) {
            return false; // relative, a Windows path, or climbing about
        }
        return ON_LAMBDA.stream().anyMatch(interpreter::startsWith);
    }
}

package dev.layerstudio.cli;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.sandbox.BackgroundSandbox;
import dev.layerstudio.sandbox.Sandbox;
import dev.layerstudio.sandbox.SandboxSeed;
import dev.layerstudio.sandbox.SeedReport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sandbox start|stop|reset}: a local moto with sample layers and functions, no AWS account needed. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "A local stand-in for AWS (moto on 127.0.0.1) seeded with sample layers and functions,"
                + " for trying every command without an AWS account.",
        subcommands = {SandboxCommand.Start.class, SandboxCommand.Stop.class, SandboxCommand.Reset.class,
                SandboxCommand.Serve.class})
public final class SandboxCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: start, stop or reset.");
    }

    private static Path record() {
        return BackgroundSandbox.recordIn(AppDirs.current().data());
    }

    private static Sandbox.Setup setup() {
        return Sandbox.Setup.of(AppDirs.current());
    }

    /** Progress on stderr, one line per step, so stdout stays the summary. */
    private static ProgressListener notes(Output out) {
        return new ProgressListener() {
            @Override
            public void message(String message) {
                out.note(message);
            }
        };
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the sandbox in the background (it keeps running after this command) and print"
                    + " the endpoint to use with --endpoint-url. The first start may install moto from PyPI.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Output out = new GlobalOptions(spec).output();
            BackgroundSandbox.Started started = BackgroundSandbox.start(setup(), record(), serveCommand(), notes(out));
            BackgroundSandbox b = started.sandbox();
            if (started.alreadyRunning()) {
                out.line("The sandbox is already running at %s (pid %d).", b.endpoint(), b.pid());
            } else {
                out.line("The sandbox runs at %s (pid %d).", b.endpoint(), b.pid());
                summary(out, started.seeded());
            }
            tryIt(out, b);
            Map<String, Object> doc = document(b);
            doc.put("alreadyRunning", started.alreadyRunning());
            out.document(doc);
            return 0;
        }
    }

    /**
     * This program again, in a JVM of its own, running {@code sandbox serve}: the same
     * Java runtime and class path (the installed app's bundled runtime has {@code bin/java}
     * too), and the same app and log folders.
     */
    static List<String> serveCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
        for (String property : List.of("layerstudio.home", "layerstudio.logDir")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-Dlayerstudio.logName=sandbox");
        command.addAll(List.of("dev.layerstudio.Main", "sandbox", "serve"));
        return command;
    }

    @Command(name = "serve", hidden = true,
            description = "Run the sandbox in this process until it is stopped ('sandbox start' runs this in the"
                    + " background; its standard output is for that command).")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter starter = spec.commandLine().getOut();
            Sandbox sandbox;
            try {
                sandbox = Sandbox.serve(setup(), new ProgressListener() {
                    @Override
                    public void message(String message) {
                        starter.println("message " + oneLine(message));
                    }
                });
            } catch (LayerStudioException e) {
                starter.println("failed " + oneLine(e.getMessage()));
                if (e.hint() != null) {
                    starter.println("hint " + oneLine(e.hint()));
                }
                starter.flush();
                return 1;
            }
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
            starter.println("ready " + sandbox.endpoint());
            starter.flush();
            // the starter reads no more and ends soon: nothing may write to (and block on) its pipe
            PrintStream pipe = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            pipe.close();
            while (sandbox.isAlive()) {
                Thread.sleep(1000);
            }
            sandbox.close(); // moto stopped by itself: nothing left to serve
            return 1;
        }

        private static String oneLine(String text) {
            return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the sandbox that 'sandbox start' left running.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Output out = new GlobalOptions(spec).output();
            Optional<BackgroundSandbox> stopped = BackgroundSandbox.stop(record());
            if (stopped.isPresent()) {
                out.line("Stopped the sandbox at %s (pid %d).", stopped.get().endpoint(), stopped.get().pid());
            } else {
                out.line("No sandbox was running.");
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("stopped", stopped.isPresent());
            stopped.ifPresent(b -> doc.putAll(document(b)));
            out.document(doc);
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Put the running sandbox back to its sample layers and functions; everything made in it"
                    + " since is removed.")
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Output out = new GlobalOptions(spec).output();
            SeedReport seeded = BackgroundSandbox.reset(record(), setup(), notes(out));
            BackgroundSandbox b = BackgroundSandbox.read(record()).orElseThrow();
            out.line("The sandbox at %s is back to its sample content.", b.endpoint());
            summary(out, seeded);
            out.document(document(b));
            return 0;
        }
    }

    private static void summary(Output out, SeedReport seeded) {
        for (String region : SandboxSeed.REGIONS) {
            List<String> layers = seeded.layerVersions().stream().filter(v -> v.region().equals(region))
                    .map(v -> v.name() + ":" + v.version()).toList();
            long functions = seeded.functions().stream().filter(f -> region.equals(f.region())).count();
            out.line("  %s: %d function(s); layer versions %s", region, functions, String.join(", ", layers));
        }
    }

    private static void tryIt(Output out, BackgroundSandbox b) {
        out.line("");
        out.line("Use it with any command (no profile needed; it takes the sandbox's own dummy credentials):");
        out.line("  layer-studio --endpoint-url %s --region %s layers", b.endpoint(), SandboxSeed.PRIMARY_REGION);
        out.line("Stop it with: layer-studio sandbox stop");
    }

    private static Map<String, Object> document(BackgroundSandbox b) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("endpoint", b.endpoint().toString());
        doc.put("pid", b.pid());
        doc.put("regions", SandboxSeed.REGIONS);
        return doc;
    }
}

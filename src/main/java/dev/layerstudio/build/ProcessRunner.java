package dev.layerstudio.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool (pip, uv, Python) with its output merged and streamed line by line.
 * The calling thread waits interruptibly: an interrupt kills the process and every
 * process it started, waits until they are gone, and ends with InterruptedException.
 */
final class ProcessRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
    private static final int KEEP_LINES = 20_000;

    /** What a finished process said. */
    record Result(int exitCode, List<String> lines) {
        boolean ok() {
            return exitCode == 0;
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    private final Map<String, String> environment;

    ProcessRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Runs a command to its end; the lines go to {@code onLine} as they come. */
    Result run(List<String> command, Path workingDir, Consumer<String> onLine) throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        LOG.debug("Running {}", command);
        Process process = pb.start();
        process.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> pump(process, lines, onLine), "tool-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            killTree(process.toHandle());
            reader.join(TimeUnit.SECONDS.toMillis(5));
            throw e;
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (lines) {
            return new Result(exit, List.copyOf(lines));
        }
    }

    private static void pump(Process process, List<String> lines, Consumer<String> onLine) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String clean = stripAnsi(line);
                synchronized (lines) {
                    if (lines.size() < KEEP_LINES) {
                        lines.add(clean);
                    }
                }
                try {
                    onLine.accept(clean);
                } catch (RuntimeException e) {
                    LOG.warn("Output listener failed", e);
                }
            }
        } catch (IOException e) {
            LOG.debug("Output of process {} ended: {}", process.pid(), e.toString());
        }
    }

    /** Kills a process and all its descendants, children first, and waits until they are gone. */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Process {} did not end within 10 s", p.pid());
            }
        }
    }

    static String stripAnsi(String line) {
        return line.indexOf('\u001b') < 0 ? line : line.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "");
    }
}

package dev.layerstudio.build;

import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.LayerContent;
import java.nio.file.Path;
import java.util.List;

/**
 * Requirements installed into a staging folder, ready to be laid out and zipped.
 * {@link #close()} removes the staging folder; the content's installed nodes point
 * into it, so zip before closing.
 */
public final class Installation implements AutoCloseable {

    private final InstallSpec spec;
    private final Path workDir;
    private final String installer;
    private final List<InstalledPackage> packages;
    private final LayerContent content;
    private final List<String> indexOptions;
    private final List<String> notes;

    Installation(InstallSpec spec, Path workDir, String installer, List<InstalledPackage> packages,
                 LayerContent content, List<String> indexOptions, List<String> notes) {
        this.spec = spec;
        this.workDir = workDir;
        this.installer = installer;
        this.packages = List.copyOf(packages);
        this.content = content;
        this.indexOptions = List.copyOf(indexOptions);
        this.notes = List.copyOf(notes);
    }

    static Installation empty(InstallSpec spec) {
        return new Installation(spec, null, null, List.of(), LayerContent.empty(), List.of(), List.of());
    }

    public InstallSpec spec() {
        return spec;
    }

    /** "pip 24.0 (Python 3.12.3)" or "uv 0.5.1"; {@code null} when nothing was installed. */
    public String installer() {
        return installer;
    }

    /** What was installed, by name. */
    public List<InstalledPackage> packages() {
        return packages;
    }

    /** The installed tree, under the layout's folder ({@code python/} by default). */
    public LayerContent content() {
        return content;
    }

    /**
     * Options in the requirements (and the environment) that decide where packages come
     * from, each with where it was found; credentials masked.
     */
    public List<String> indexOptions() {
        return indexOptions;
    }

    /** Things the user should know about the install: packages built here from source, inputs read. */
    public List<String> notes() {
        return notes;
    }

    /** The staging folder (holds the installed tree); {@code null} when nothing was installed. */
    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        if (workDir != null) {
            WorkDirs.delete(workDir);
        }
    }
}

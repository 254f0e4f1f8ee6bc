package dev.layerstudio.build;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.BuildResult;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.SlimReport;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.model.ZipResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Builds Lambda layers: installs requirements for a runtime and architecture, lays
 * them out with the user's own files, slims, and writes a deterministic zip.
 *
 * <p>The wizard calls the steps one by one from background tasks ({@link #install},
 * then {@link #add} and the {@link LayerContent} edits as the user drags things about,
 * {@link #previewSlimming}, {@link #zip}); the command line calls {@link #build}.
 * Every long call reports to its {@link ProgressListener} and is cancelled by
 * interrupting its thread: it then stops its tools, removes what it staged, and throws
 * {@link java.util.concurrent.CancellationException}. Failures the user can act on are
 * {@link dev.layerstudio.model.LayerStudioException}s with a plain message and a hint.
 */
public interface LayerBuilder {

    /**
     * Installs the requirements into a new staging folder with pip or uv. The result
     * holds the installed tree; closing it removes the staging folder, so keep it open
     * until the zip is written. With no requirements, nothing runs and the tree is empty.
     */
    Installation install(InstallSpec spec, ProgressListener progress) throws IOException;

    /** Adds one of the user's files or folders (read from disk; nothing is copied). */
    LayerContent add(LayerContent content, AddedPath path);

    /** What the slimming rules would take out of the content, rule by rule. Changes nothing. */
    SlimReport previewSlimming(LayerContent content, Set<SlimRule> rules);

    /** The content without what the report lists. */
    LayerContent applySlimming(LayerContent content, SlimReport report);

    /**
     * Writes the content as a zip. Fails when a conflict is unresolved. The output is
     * replaced only when the new zip is complete.
     */
    ZipResult zip(LayerContent content, Path output, ProgressListener progress) throws IOException;

    /** Everything at once: install, add the user's files, settle conflicts, slim, zip, clean up. */
    BuildResult build(BuildSpec spec, ProgressListener progress) throws IOException;
}

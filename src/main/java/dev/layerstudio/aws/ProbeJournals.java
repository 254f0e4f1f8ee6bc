package dev.layerstudio.aws;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProbeJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals of tests in Lambda ({@link LambdaProbe}), one JSON file per test in one folder,
 * written atomically before the test creates anything and removed once all it created is
 * deleted. A file found later belongs to a test that was killed, or whose cleanup failed,
 * and is what {@link ProbeRecovery} removes.
 */
public final class ProbeJournals {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeJournals.class);

    private final Path dir;

    public ProbeJournals(Path dir) {
        this.dir = dir;
    }

    /** {@code probes/} in the app's data folder. */
    public static ProbeJournals inData(AppDirs dirs) {
        return new ProbeJournals(dirs.data().resolve("probes"));
    }

    /** {@code probes/} beside the apply journals' folder (so a test's temporary journals keep both apart together). */
    public static ProbeJournals beside(ApplyJournals applies) {
        return new ProbeJournals(applies.dir().resolveSibling("probes"));
    }

    public Path dir() {
        return dir;
    }

    Path fileOf(String id) {
        return dir.resolve(id + ".json");
    }

    /** Writes the journal of a test about to start; refuses (so nothing is created) when it cannot. */
    public void write(ProbeJournal journal) {
        try {
            JsonFiles.write(fileOf(journal.id()), journal);
        } catch (IOException e) {
            throw new LayerStudioException("Could not write the journal of this test to " + dir + ": "
                    + e.getMessage() + "; nothing was created.",
                    "Check that the folder is writable and the disk is not full.", e);
        }
    }

    /** Every journal of a test whose resources may still exist, oldest first. */
    public List<ProbeJournal> unfinished() {
        List<ProbeJournal> out = JsonFiles.readAll(dir, "probe-*.json", ProbeJournal.class);
        out.sort(Comparator.comparing(ProbeJournal::started).thenComparing(ProbeJournal::id));
        return out;
    }

    /** Removes the journal of a test whose resources are all deleted. */
    public void remove(String id) {
        JsonFiles.remove(fileOf(id));
    }
}

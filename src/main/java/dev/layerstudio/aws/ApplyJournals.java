package dev.layerstudio.aws;

import dev.layerstudio.model.AppDirs;
import dev.layerstudio.model.ApplyJournal;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals of applies in progress, one JSON file per apply ({@code <id>.json}) in one folder,
 * written atomically (as {@link RolloutJournals} writes rollouts). A file exists from before
 * the first update is sent until the apply returns; one found later belongs to an apply that
 * died and is what {@link JournalRecovery} works from.
 */
public final class ApplyJournals {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyJournals.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

    public ApplyJournals(Path dir) {
        this(dir, Clock.systemUTC());
    }

    public ApplyJournals(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** {@code journal/} in the app's data folder. */
    public static ApplyJournals inData(AppDirs dirs) {
        return new ApplyJournals(dirs.data().resolve("journal"));
    }

    public Path dir() {
        return dir;
    }

    public Path fileOf(String id) {
        return dir.resolve(id + ".json");
    }

    /** Writes the journal of a plan about to be applied; refuses (so nothing is sent) when it cannot. */
    public Open open(String region, AttachPlan plan) {
        String id = "apply-" + STAMP.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApplyJournal journal = ApplyJournal.start(id, region, plan, clock.instant());
        try {
            JsonFiles.write(fileOf(id), journal);
        } catch (IOException e) {
            throw new LayerStudioException("Could not write the journal of this change to " + dir + ": "
                    + e.getMessage() + "; nothing was changed.",
                    "Check that the folder is writable and the disk is not full.", e);
        }
        return new Open(journal);
    }

    /** Every journal left behind by an apply that did not finish, oldest first. */
    public List<ApplyJournal> unfinished() {
        List<ApplyJournal> out = JsonFiles.readAll(dir, "apply-*.json", ApplyJournal.class);
        out.sort(Comparator.comparing(ApplyJournal::started).thenComparing(ApplyJournal::id));
        return out;
    }

    /** Removes a journal whose apply is settled. */
    public void remove(String id) {
        JsonFiles.remove(fileOf(id));
    }

    /** The journal of one apply under way: each result is written as it comes. */
    public final class Open {

        private ApplyJournal journal;

        private Open(ApplyJournal journal) {
            this.journal = journal;
        }

        public synchronized ApplyJournal journal() {
            return journal;
        }

        /**
         * Records one function's result. A failure to write is logged, not thrown: the change
         * is already made, and the apply's own results still say it.
         */
        public synchronized void record(ApplyResult result) {
            journal = journal.with(result, clock.instant());
            try {
                JsonFiles.write(fileOf(journal.id()), journal);
            } catch (IOException e) {
                LOG.warn("Could not record {} in journal {}: {}", result.functionName(), journal.id(),
                        e.getMessage());
            }
        }

        /** The apply returned with every result known: the journal is no longer needed. */
        public synchronized void close() {
            remove(journal.id());
        }
    }
}

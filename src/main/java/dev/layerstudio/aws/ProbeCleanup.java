package dev.layerstudio.aws;

import dev.layerstudio.model.ProbeJournal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Deletes what one test in Lambda created, as its journal names it: the probe function,
 * every version of the temporary layer, and the created role unless it is kept. What is
 * already gone counts as removed. Runs to the end even when the calling thread was
 * cancelled (the interrupt is set aside for the deletes and put back after).
 */
final class ProbeCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeCleanup.class);

    /**
     * @param removed  what was deleted (or found already gone)
     * @param failures each thing that could not be deleted, with the reason, as a sentence
     */
    record Result(List<String> removed, List<String> failures) {
        boolean complete() {
            return failures.isEmpty();
        }
    }

    private ProbeCleanup() {
    }

    /** Deletes everything the journal names, in {@code session} (which must be in the journal's region). */
    static Result run(AwsSession session, ProbeJournal journal) {
        boolean interrupted = Thread.interrupted();
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            attempt(removed, failures, "function " + journal.functionName(), () -> deleteFunction(session, journal));
            if (journal.layerName() != null) {
                attempt(removed, failures, "temporary layer " + journal.layerName(), () -> deleteLayer(session, journal));
            }
            if (journal.roleName() != null && !journal.keepRole()) {
                attempt(removed, failures, "role " + journal.roleName(), () -> deleteRole(session, journal));
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new Result(removed, failures);
    }

    private static void attempt(List<String> removed, List<String> failures, String what, Runnable delete) {
        try {
            delete.run();
            removed.add(what);
        } catch (RuntimeException e) {
            RuntimeException plain = AwsErrors.translate(e, "delete the " + what);
            Thread.interrupted(); // a cancelled delete must not stop the next one
            LOG.warn("Could not delete the {} of a test in Lambda", what, e);
            failures.add(plain.getMessage());
        }
    }

    private static void deleteFunction(AwsSession session, ProbeJournal journal) {
        try {
            session.lambda().deleteFunction(b -> b.functionName(journal.functionName()));
        } catch (ResourceNotFoundException gone) {
            LOG.debug("Probe function {} was already gone", journal.functionName());
        }
    }

    private static void deleteLayer(AwsSession session, ProbeJournal journal) {
        List<Long> versions;
        try {
            versions = session.lambda().listLayerVersionsPaginator(b -> b.layerName(journal.layerName()))
                    .layerVersions().stream().map(LayerVersionsListItem::version).toList();
        } catch (ResourceNotFoundException gone) {
            return;
        }
        for (long version : versions) {
            try {
                session.lambda().deleteLayerVersion(b -> b.layerName(journal.layerName()).versionNumber(version));
            } catch (ResourceNotFoundException gone) {
                LOG.debug("Layer {}:{} was already gone", journal.layerName(), version);
            }
        }
    }

    private static void deleteRole(AwsSession session, ProbeJournal journal) {
        try {
            session.iam().deleteRole(b -> b.roleName(journal.roleName()));
        } catch (NoSuchEntityException gone) {
            LOG.debug("Probe role {} was already gone", journal.roleName());
        }
    }
}

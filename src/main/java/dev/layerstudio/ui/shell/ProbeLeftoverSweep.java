package dev.layerstudio.ui.shell;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ProbeJournals;
import dev.layerstudio.aws.ProbeRecovery;
import dev.layerstudio.model.Identity;
import dev.layerstudio.model.ProbeJournal;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a killed test in Lambda left in the connected account (its probe function,
 * temporary layer and role, named in its journal; see {@link ProbeRecovery}) once the window
 * is connected, and says so in the {@link RecoveryBanner}. Nothing is asked: every name is
 * the test's own.
 */
public final class ProbeLeftoverSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeLeftoverSweep.class);

    private final WizardState state;
    private final ProbeJournals journals;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final RecoveryBanner banner;

    public ProbeLeftoverSweep(WizardState state, ProbeJournals journals, TaskExecutor executor, ResourceBundle text,
                              RecoveryBanner banner) {
        this.state = state;
        this.journals = journals;
        this.executor = executor;
        this.text = text;
        this.banner = banner;
        state.identityProperty().addListener((o, old, now) -> sweep(now));
        sweep(state.identityProperty().get());
    }

    private void sweep(Identity identity) {
        AwsSession session = state.sessionProperty().get();
        if (identity == null || session == null) {
            return;
        }
        BackgroundTask.of(p -> settle(session, identity.accountId()))
                .onSuccess(outcomes -> {
                    if (!outcomes.isEmpty()) {
                        LOG.info("What killed tests in Lambda left: {}", sentence(outcomes));
                    }
                    if (!outcomes.isEmpty() && identity.equals(state.identityProperty().get())) {
                        // shown unless the banner already offers an unfinished change, which comes first
                        banner.note(text.getString("probe.leftovers.title"), sentence(outcomes));
                    }
                })
                .onError(Exception.class, e -> LOG.warn("Could not remove what a test in Lambda left behind", e))
                .start(executor);
    }

    private List<ProbeRecovery.Outcome> settle(AwsSession session, String account) {
        if (journals.unfinished().stream().noneMatch(j -> account.equals(j.account()))) {
            return List.of();
        }
        Map<String, AwsSession> others = new HashMap<>();
        try {
            ProbeRecovery recovery = new ProbeRecovery(journals, region -> region.equals(session.region()) ? session
                    : others.computeIfAbsent(region, session::inRegion));
            return recovery.settleAll(account);
        } finally {
            others.values().forEach(AwsSession::close);
        }
    }

    private String sentence(List<ProbeRecovery.Outcome> outcomes) {
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ProbeRecovery.Outcome o : outcomes) {
            removed.addAll(o.removed());
            failures.addAll(o.failures());
        }
        String done = removed.isEmpty() ? ""
                : String.format(text.getString("probe.leftovers.removed"), String.join(", ", removed));
        String failed = failures.isEmpty() ? ""
                : String.format(text.getString("probe.leftovers.failed"), String.join(" ", failures));
        return (done + " " + failed).strip();
    }
}

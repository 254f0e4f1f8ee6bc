package dev.layerstudio.ui.attach;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.ui.common.StatusLine;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;
import javafx.collections.ObservableList;

/**
 * Plans the stacks of the chosen functions in the background, one planning at a time (a choice
 * made meanwhile plans again when it ends); stacks already planned keep the order the user gave
 * them. Reads the files of the layers involved for the hidden-file warnings.
 */
final class StackPlanning {

    private final WizardState state;
    private final AttachServices services;
    private final LayerFiles layerFiles;
    private final ResourceBundle text;
    private final ObservableList<StackPlan> plans;
    private final Supplier<Set<String>> chosen;
    private final StatusLine status;
    private AttachPlan lastPlan;
    private boolean planning;
    private boolean planAgain;

    StackPlanning(WizardState state, AttachServices services, LayerFiles layerFiles, ResourceBundle text,
                  ObservableList<StackPlan> plans, Supplier<Set<String>> chosen, StatusLine status) {
        this.state = state;
        this.services = services;
        this.layerFiles = layerFiles;
        this.text = text;
        this.plans = plans;
        this.chosen = chosen;
        this.status = status;
    }

    private record Planned(AttachPlan plan, Map<String, Set<String>> files) {
    }

    /** Plans what is chosen and not planned yet; drops the stacks of functions no longer chosen. */
    void plan(LayerVersionInfo v) {
        if (planning) {
            planAgain = true;
            return;
        }
        AwsSession session = state.sessionProperty().get();
        List<String> names = new ArrayList<>(chosen.get());
        Map<String, StackPlan> kept = new HashMap<>();
        plans.forEach(p -> kept.put(p.functionName(), p));
        List<String> toPlan = names.stream().filter(n -> !kept.containsKey(n)).toList();
        if (v == null || session == null) {
            return;
        }
        StatusLine.Action planned = status.begin(); // another choice of functions: what was said of the last one goes
        if (toPlan.isEmpty()) {
            plans.setAll(names.stream().map(kept::get).toList());
            return;
        }
        planning = true;
        InspectionReport own = state.reportProperty().get(); // read here: properties belong to the JavaFX thread
        BackgroundTask.of(p -> {
            // KEEP: a version replacing another of the same layer takes its place; a new layer goes last
            AttachPlan plan = services.functions().apply(session).planAttach(v.ref(), toPlan, LayerPosition.KEEP);
            return new Planned(plan, layerFiles.of(session, plan, own, v));
        }).onSuccess(done -> {
            lastPlan = done.plan();
            Map<String, StackPlan> fresh = new HashMap<>(kept);
            for (FunctionPlan fp : done.plan().functions()) {
                fresh.put(fp.functionName(), new StackPlan(fp, done.plan().facts(), text));
            }
            List<String> still = new ArrayList<>(chosen.get());
            plans.setAll(still.stream().filter(fresh::containsKey).map(fresh::get).toList());
            plans.forEach(sp -> sp.knownFiles(done.files()));
        }).onError(Exception.class, planned::fail)
                .andFinally(() -> {
                    planning = false;
                    if (planAgain) {
                        planAgain = false;
                        plan(v);
                    }
                })
                .start(services.executor());
    }

    /** The last plan made (its description and facts go with what Apply sends), or null. */
    AttachPlan lastPlan() {
        return lastPlan;
    }
}

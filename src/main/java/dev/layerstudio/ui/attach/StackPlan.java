package dev.layerstudio.ui.attach;

import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.CompatibilityVerdict;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFacts;
import dev.layerstudio.model.PlanFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One function's part of the attach plan, with an order the user may change: its layer
 * list before, the list after (a permutation of the planned one, so no layer that was
 * there is ever dropped), and the warnings for that order.
 *
 * <p>The plan carries the engine's compatibility verdict. A function the verdict blocks for
 * an incompatibility the user may override gets it only through an explicit per-function
 * "attach anyway" choice ({@link #attachAnywayProperty()}), which re-plans it with
 * {@link AttachPlanner#allowIncompatible}; limits Lambda enforces never give way.
 */
public final class StackPlan {

    private final FunctionPlan planned;
    private final PlanFacts facts;
    private final ObservableList<String> after = FXCollections.observableArrayList();
    private final ObservableList<String> afterView = FXCollections.unmodifiableObservableList(after);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FunctionPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty attachAnyway = new SimpleBooleanProperty(this, "attachAnyway", false);
    private final PathShadows shadows;
    private Map<String, Set<String>> files = Map.of();

    StackPlan(FunctionPlan planned, PlanFacts facts, ResourceBundle text) {
        this.planned = planned;
        this.facts = facts;
        this.shadows = new PathShadows(text);
        after.setAll(planned.after());
        attachAnyway.addListener((o, was, now) -> recompute());
        recompute();
    }

    public String functionName() {
        return planned.functionName();
    }

    public FunctionPlan planned() {
        return planned;
    }

    /** The function's list now. */
    public List<String> before() {
        return planned.before();
    }

    /** The list it will have, in merge order (the last one wins for a shared path). */
    public ObservableList<String> after() {
        return afterView;
    }

    /** The plan for the order shown: what apply sends. */
    public ReadOnlyObjectProperty<FunctionPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** Flags of the plan, then files hidden by a later layer (where the layers' files are known). */
    public ObservableList<String> warnings() {
        return warnings;
    }

    /** The user's explicit choice to change this function although the verdict blocks it. */
    public BooleanProperty attachAnywayProperty() {
        return attachAnyway;
    }

    /** What the verdict comes to for the order shown and the user's choice. */
    public CompatibilityVerdict.Level verdict() {
        return plan.get().verdict();
    }

    /** Whether the function is blocked only by incompatibilities the user may attach anyway over. */
    public boolean overridable() {
        return planned.overridable() || attachAnyway.get();
    }

    /** Why the function cannot be changed at all (limits Lambda enforces, a list changed since); else empty. */
    public List<String> unchangeable() {
        return plan.get().flags().stream().filter(f -> f.severity() == PlanFlag.Severity.ERROR)
                .map(PlanFlag::message).toList();
    }

    /** The messages among {@link #warnings()} that keep the function unchanged (or would, but for attach anyway). */
    public Set<String> blockers() {
        return plan.get().flags().stream().filter(f -> f.blocking() || f.overridden()).map(PlanFlag::message)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * What applying asks the user to confirm for this function: its warnings, and, as a recap in
     * the same one dialog, the incompatibilities the user chose to attach anyway on its card.
     */
    public List<String> toConfirm() {
        FunctionPlan p = plan.get();
        if (!p.willUpdate()) {
            return List.of();
        }
        return p.flags().stream().filter(f -> f.needsConfirmation() || f.overridden()).map(PlanFlag::message)
                .toList();
    }

    /** How applying went for this function. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Moves the layer at {@code index} one place earlier (merged before the one above it). */
    public void mergeEarlier(int index) {
        move(index, index - 1);
    }

    /** Moves the layer at {@code index} one place later (merged after, so it wins over, the one below it). */
    public void mergeLater(int index) {
        move(index, index + 1);
    }

    /** Moves a layer to another place in the list; nothing else changes. */
    public void move(int from, int to) {
        if (from < 0 || from >= after.size() || to < 0 || to >= after.size() || from == to) {
            return;
        }
        List<String> order = new ArrayList<>(after);
        order.add(to, order.remove(from));
        after.setAll(order);
        recompute();
    }

    /** The files of layers that are known, for the hidden-file warnings. */
    void knownFiles(Map<String, Set<String>> known) {
        this.files = Map.copyOf(known);
        recompute();
    }

    private void recompute() {
        PlanFacts judged = facts.withAllowIncompatible(attachAnyway.get() ? Set.of(functionName()) : Set.of());
        FunctionPlan base = attachAnyway.get() ? AttachPlanner.allowIncompatible(
                new AttachPlan(planned.change().describe(), List.of(planned), facts), Set.of(functionName()))
                .functions().get(0) : planned;
        FunctionPlan p = after.equals(planned.after()) ? base
                : AttachPlanner.planFor(planned.function(), new PlanChange.SetLayers(planned.before(), after), judged);
        plan.set(p);
        List<String> w = new ArrayList<>(p.flags().stream().map(PlanFlag::message).toList());
        w.addAll(shadows.describe(after, files));
        warnings.setAll(w);
    }
}

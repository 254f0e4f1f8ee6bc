package dev.layerstudio.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.AttachedLayer;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.LayerPosition;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.PlanChange;
import dev.layerstudio.model.PlanFacts;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reordering a function's stack: nothing is dropped, flags follow the order, hidden files are named. */
class StackPlanTest {

    private static final String A = "arn:aws:lambda:us-east-1:123456789012:layer:a:1";
    private static final String B = "arn:aws:lambda:us-east-1:123456789012:layer:b:2";
    private static final String NEW = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";

    private final FunctionInfo function = new FunctionInfo("orders", "arn:aws:lambda:us-east-1:123456789012:function:orders",
            "us-east-1", "python3.12", List.of("x86_64"), 1000,
            List.of(new AttachedLayer(A, 10), new AttachedLayer(B, 10)), "rev-1", "Zip", "Successful");

    private StackPlan stack(PlanFacts facts) {
        PlanChange attach = new PlanChange.Attach(LayerVersionRef.parse(NEW), LayerPosition.LAST);
        FunctionPlan planned = AttachPlanner.planFor(function, attach, facts);
        return new StackPlan(planned, facts, ResourceBundle.getBundle("dev.layerstudio.ui.messages"));
    }

    @Test
    void mergingEarlierAndLaterOnlyReordersAndPlansTheShownList() {
        StackPlan s = stack(PlanFacts.none());
        assertThat(s.after()).containsExactly(A, B, NEW);
        s.mergeEarlier(2);
        assertThat(s.after()).containsExactly(A, NEW, B);
        s.mergeLater(0);
        assertThat(s.after()).containsExactly(NEW, A, B);
        s.mergeEarlier(0); // already first: nothing happens
        s.move(0, 7);      // out of range: nothing happens
        assertThat(s.after()).containsExactly(NEW, A, B);
        assertThat(s.planProperty().get().after()).containsExactly(NEW, A, B);
        assertThat(s.planProperty().get().change()).isEqualTo(new PlanChange.SetLayers(List.of(A, B), List.of(NEW, A, B)));
        assertThat(s.planProperty().get().willUpdate()).isTrue();
        assertThat(s.after()).containsExactlyInAnyOrderElementsOf(List.of(A, B, NEW));
    }

    @Test
    void warningsFollowTheOrderAndNameHiddenFiles() {
        LayerVersionInfo deps = new LayerVersionInfo(LayerVersionRef.parse(NEW), "", "", List.of("python3.11"),
                List.of(), 10, "sha", null, null);
        StackPlan s = stack(PlanFacts.of(List.of(deps)));
        assertThat(s.warnings()).anyMatch(w -> w.contains("is declared for python3.11, not for orders's python3.12"));
        s.knownFiles(Map.of(A, Set.of("python/utils.py", "python/a.py"), NEW, Set.of("python/utils.py")));
        assertThat(s.warnings()).anyMatch(w -> w.equals("deps:3 hides 1 file of a:1 (merged earlier), such as"
                + " python/utils.py."));
        s.move(2, 0);
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("a:1 hides 1 file of deps:3"));

        // the plural comes from the bundle
        s.knownFiles(Map.of(A, Set.of("python/utils.py", "python/a.py"), NEW, Set.of("python/utils.py",
                "python/a.py")));
        assertThat(s.warnings()).anyMatch(w -> w.equals("a:1 hides 2 files of deps:3 (merged earlier), such as"
                + " python/a.py."));
    }

    @Test
    void aSixthLayerIsFlagged() {
        FunctionInfo full = function.withLayers(List.of(
                new AttachedLayer("arn:aws:lambda:us-east-1:1:layer:l1:1", 1),
                new AttachedLayer("arn:aws:lambda:us-east-1:1:layer:l2:1", 1),
                new AttachedLayer("arn:aws:lambda:us-east-1:1:layer:l3:1", 1),
                new AttachedLayer("arn:aws:lambda:us-east-1:1:layer:l4:1", 1),
                new AttachedLayer("arn:aws:lambda:us-east-1:1:layer:l5:1", 1)), "rev-2");
        FunctionPlan planned = AttachPlanner.planFor(full, new PlanChange.Attach(LayerVersionRef.parse(NEW),
                LayerPosition.LAST), PlanFacts.none());
        StackPlan s = new StackPlan(planned, PlanFacts.none(), ResourceBundle.getBundle("dev.layerstudio.ui.messages"));
        assertThat(s.warnings()).anyMatch(w -> w.contains("at most 5"));
        assertThat(s.planProperty().get().blocked()).isTrue();
    }

    @Test
    void filtersKnowCompatibleFunctionsAndUsersOfTheLayer() {
        LayerVersionInfo v = new LayerVersionInfo(LayerVersionRef.parse("arn:aws:lambda:us-east-1:123456789012:layer:b:5"),
                "", "", List.of("python3.12"), List.of("arm64"), 10, "sha", null, null);
        assertThat(FunctionFilter.usesLayer(function, v)).isTrue();
        assertThat(FunctionFilter.compatible(function, v)).isFalse(); // x86_64 function, arm64 layer
    }
}

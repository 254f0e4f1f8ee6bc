package dev.layerstudio.ui.inspect;

import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerDiff;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * What the Inspect page says around the layer shown: its subtitle (what the layer holds), the
 * diff's summary, and what the empty size table and findings list say: progress while zipping
 * or inspecting, never "empty" or "no problems".
 */
final class InspectHeadings {

    private final ResourceBundle text;
    private final ObservableStringValue progressMessage;
    private final StringBinding summary;
    private final StringBinding diffSummary;
    private final StringBinding tablePlaceholder;
    private final StringBinding findingsPlaceholder;

    InspectHeadings(ResourceBundle text, InspectTexts texts, ObservableValue<InspectionReport> report,
                    ObservableValue<LayerDiff> diff, ObservableBooleanValue busy,
                    ObservableStringValue progressMessage) {
        this.text = text;
        this.progressMessage = progressMessage;
        summary = Bindings.createStringBinding(() -> report.getValue() == null ? text.getString("inspect.subtitle")
                : texts.summary(report.getValue()), report);
        diffSummary = Bindings.createStringBinding(() -> texts.diffSummary(diff.getValue()), diff);
        tablePlaceholder = Bindings.createStringBinding(() -> busy.get() ? working()
                : report.getValue() == null ? "" : text.getString("inspect.empty"), busy, report, progressMessage);
        findingsPlaceholder = Bindings.createStringBinding(() -> busy.get() ? working()
                : report.getValue() == null ? "" : text.getString("inspect.noFindings"), busy, report, progressMessage);
    }

    private String working() {
        String m = progressMessage.get();
        return m == null || m.isBlank() ? text.getString("inspect.working") : m;
    }

    /** The page's subtitle: what the shown layer holds. */
    StringBinding summary() {
        return summary;
    }

    StringBinding diffSummary() {
        return diffSummary;
    }

    /** What the size table says when it has no rows: progress while working, else that the layer is empty. */
    StringBinding tablePlaceholder() {
        return tablePlaceholder;
    }

    /** What the findings list says when it is empty: progress while working, else that nothing was found. */
    StringBinding findingsPlaceholder() {
        return findingsPlaceholder;
    }
}

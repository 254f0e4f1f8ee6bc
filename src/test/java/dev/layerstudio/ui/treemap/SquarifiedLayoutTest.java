package dev.layerstudio.ui.treemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.layerstudio.ui.treemap.SquarifiedLayout.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

class SquarifiedLayoutTest {

    private final Rect bounds = new Rect(0, 0, 600, 400);

    @Test
    void areasAreProportionalAndFillTheBounds() {
        List<Double> weights = List.of(6.0, 6.0, 4.0, 3.0, 2.0, 2.0, 1.0);
        List<Rect> rects = SquarifiedLayout.layout(weights, bounds);
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(rects).hasSize(weights.size());
        for (int i = 0; i < rects.size(); i++) {
            assertThat(rects.get(i).area()).isCloseTo(bounds.area() * weights.get(i) / total, within(1e-6));
        }
        assertThat(rects.stream().mapToDouble(Rect::area).sum()).isCloseTo(bounds.area(), within(1e-6));
    }

    @Test
    void rectanglesStayInsideAndDoNotOverlap() {
        List<Double> weights = List.of(50.0, 20.0, 10.0, 8.0, 5.0, 4.0, 2.0, 1.0);
        List<Rect> rects = SquarifiedLayout.layout(weights, bounds);
        for (Rect r : rects) {
            assertThat(r.x()).isGreaterThanOrEqualTo(-1e-9);
            assertThat(r.y()).isGreaterThanOrEqualTo(-1e-9);
            assertThat(r.x() + r.width()).isLessThanOrEqualTo(600 + 1e-6);
            assertThat(r.y() + r.height()).isLessThanOrEqualTo(400 + 1e-6);
        }
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                Rect a = rects.get(i);
                Rect b = rects.get(j);
                double ox = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
                double oy = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
                assertThat(ox <= 1e-6 || oy <= 1e-6).as("rects %d and %d overlap", i, j).isTrue();
            }
        }
    }

    @Test
    void squarerThanSlicing() {
        // Ten equal items in a square: squarified rows give ratios near 1, slicing gives 10.
        List<Rect> rects = SquarifiedLayout.layout(java.util.Collections.nCopies(9, 1.0), new Rect(0, 0, 300, 300));
        double worst = rects.stream().mapToDouble(r -> Math.max(r.width() / r.height(), r.height() / r.width()))
                .max().orElseThrow();
        assertThat(worst).isLessThan(1.5);
    }

    @Test
    void emptyAndZeroWeightsGiveEmptyRects() {
        assertThat(SquarifiedLayout.layout(List.of(), bounds)).isEmpty();
        List<Rect> rects = SquarifiedLayout.layout(List.of(0.0, 0.0), bounds);
        assertThat(rects).allSatisfy(r -> assertThat(r.area()).isZero());
    }
}

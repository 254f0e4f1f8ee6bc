package dev.layerstudio.ui.treemap;

import java.util.ArrayList;
import java.util.List;

/**
 * The squarified treemap layout (Bruls, Huizing and van Wijk): lays out weights in a
 * rectangle as rows along the shorter side, adding an item to the current row only
 * while that keeps the row's worst aspect ratio from getting worse. Weights are laid
 * out in the order given (pass them largest first for the best result).
 */
public final class SquarifiedLayout {

    /** A rectangle: position and size. */
    public record Rect(double x, double y, double width, double height) {
        public double area() {
            return width * height;
        }

        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }

        public Rect inset(double d) {
            double w = Math.max(0, width - 2 * d);
            double h = Math.max(0, height - 2 * d);
            return new Rect(x + Math.min(d, width / 2), y + Math.min(d, height / 2), w, h);
        }
    }

    private SquarifiedLayout() {
    }

    /** One rectangle per weight, in the same order; zero or negative weights get empty ones. */
    public static List<Rect> layout(List<Double> weights, Rect bounds) {
        List<Rect> out = new ArrayList<>(weights.size());
        double total = weights.stream().mapToDouble(w -> Math.max(0, w)).sum();
        if (total <= 0 || bounds.area() <= 0) {
            weights.forEach(w -> out.add(new Rect(bounds.x(), bounds.y(), 0, 0)));
            return out;
        }
        double scale = bounds.area() / total;
        List<Double> areas = weights.stream().map(w -> Math.max(0, w) * scale).toList();

        Rect free = bounds;
        int start = 0;
        while (start < areas.size()) {
            double side = Math.min(free.width(), free.height());
            int end = start + 1;
            double rowSum = areas.get(start);
            double worst = worstRatio(areas, start, end, rowSum, side);
            while (end < areas.size()) {
                double nextSum = rowSum + areas.get(end);
                double nextWorst = worstRatio(areas, start, end + 1, nextSum, side);
                if (nextWorst > worst) {
                    break;
                }
                rowSum = nextSum;
                worst = nextWorst;
                end++;
            }
            free = placeRow(areas, start, end, rowSum, free, out);
            start = end;
        }
        return out;
    }

    private static double worstRatio(List<Double> areas, int from, int to, double sum, double side) {
        if (sum <= 0) {
            return Double.MAX_VALUE;
        }
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            double a = areas.get(i);
            max = Math.max(max, a);
            min = Math.min(min, a);
        }
        if (min <= 0) {
            return Double.MAX_VALUE;
        }
        double s2 = side * side;
        double sum2 = sum * sum;
        return Math.max(s2 * max / sum2, sum2 / (s2 * min));
    }

    /** Places one row along the shorter side of {@code free}; returns what is left. */
    private static Rect placeRow(List<Double> areas, int from, int to, double sum, Rect free, List<Rect> out) {
        boolean horizontal = free.width() >= free.height(); // row is a column on the left
        if (horizontal) {
            double w = free.height() > 0 ? sum / free.height() : 0;
            double y = free.y();
            for (int i = from; i < to; i++) {
                double h = w > 0 ? areas.get(i) / w : 0;
                out.add(new Rect(free.x(), y, w, h));
                y += h;
            }
            return new Rect(free.x() + w, free.y(), Math.max(0, free.width() - w), free.height());
        }
        double h = free.width() > 0 ? sum / free.width() : 0;
        double x = free.x();
        for (int i = from; i < to; i++) {
            double w = h > 0 ? areas.get(i) / h : 0;
            out.add(new Rect(x, free.y(), w, h));
            x += w;
        }
        return new Rect(free.x(), free.y() + h, free.width(), Math.max(0, free.height() - h));
    }
}

package io.mecmig.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The median of a cell's runs and their spread (smallest and largest), as the report shows them.
 *
 * @param n how many runs had the figure
 * @param median the median (mean of the middle two for an even count)
 * @param min the smallest value
 * @param max the largest value
 */
public record Stats(int n, double median, double min, double max) {

    /** The statistics of {@code values}; throws for an empty list, since there is nothing to summarize. */
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(n, median, sorted.get(0), sorted.get(n - 1));
    }

    /** This summary with every value multiplied by {@code factor}, for unit changes. */
    public Stats scaled(double factor) {
        return new Stats(n, median * factor, min * factor, max * factor);
    }

    /** {@code 1.234 [1.100–1.400] n=5}, or just the value for a single run. */
    public String format(String pattern) {
        String m = String.format(Locale.ROOT, pattern, median);
        if (n == 1) {
            return m;
        }
        return m + " [" + String.format(Locale.ROOT, pattern, min) + "–" + String.format(Locale.ROOT, pattern, max)
                + "] n=" + n;
    }
}

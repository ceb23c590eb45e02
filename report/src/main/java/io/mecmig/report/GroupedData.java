package io.mecmig.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bars of one chart: a category on the axis (an app), a series (a strategy), and the runs' statistics;
 * plus, where the paper gives a number for a bar, the paper's value to mark beside ours.
 */
final class GroupedData {

    record Bar(String category, String series, Stats stats) {
    }

    private final List<Bar> bars = new ArrayList<>();
    private final Map<String, Double> paper = new LinkedHashMap<>();

    GroupedData add(String category, String series, Stats stats) {
        bars.add(new Bar(category, series, stats));
        return this;
    }

    /** The paper's value for the bar of {@code category} and {@code series} (a stack: {@code series} null). */
    GroupedData paper(String category, String series, double value) {
        paper.put(key(category, series), value);
        return this;
    }

    Optional<Double> paper(Object category, Object series) {
        return Optional.ofNullable(paper.get(key(category, series)));
    }

    boolean hasPaperValues() {
        return !paper.isEmpty();
    }

    List<Bar> bars() {
        return bars;
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    private static String key(Object category, Object series) {
        return category + "\u0000" + series;
    }
}

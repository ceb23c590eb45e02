package io.mecmig.report;

import java.util.ArrayList;
import java.util.List;

/** The bars of one chart: a category on the axis (an app), a series (a strategy), and the runs' statistics. */
final class GroupedData {

    record Bar(String category, String series, Stats stats) {
    }

    private final List<Bar> bars = new ArrayList<>();

    GroupedData add(String category, String series, Stats stats) {
        bars.add(new Bar(category, series, stats));
        return this;
    }

    List<Bar> bars() {
        return bars;
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }
}

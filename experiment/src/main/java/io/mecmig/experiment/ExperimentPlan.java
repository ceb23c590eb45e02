package io.mecmig.experiment;

import io.mecmig.core.LinkProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What to run: every combination of app, strategy, link rate and packet loss, each {@code runs} times.
 * Cells are ordered link first, so that the link is reshaped as rarely as possible.
 *
 * @param apps app names
 * @param strategies strategy names
 * @param rates tc-style link rates, for example {@code 100mbit}
 * @param lossPercents packet loss values in percent
 * @param runs runs per cell, at least 1
 */
public record ExperimentPlan(List<String> apps, List<String> strategies, List<String> rates,
                             List<Double> lossPercents, int runs) {

    /** The paper's matrix: three apps, its three strategies, both rates, four loss values, five runs. */
    public static final ExperimentPlan PAPER = new ExperimentPlan(List.of("ba", "uspa", "asw"),
            List.of("sfp", "fccp", "fullsp"), List.of("1gbit", "100mbit"), List.of(0.0, 0.1, 1.0, 5.0), 5);

    public ExperimentPlan {
        apps = distinctLower("app", apps);
        strategies = distinctLower("strategy", strategies);
        rates = distinctLower("rate", rates);
        lossPercents = List.copyOf(new LinkedHashSet<>(lossPercents));
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        rates.forEach(r -> LinkProfile.of(r, 0)); // fails early, naming the accepted forms
        lossPercents.forEach(l -> new LinkProfile(0, l)); // validates the loss alone: rate 0 is unshaped
        if (lossPercents.isEmpty()) {
            throw new IllegalArgumentException("no packet loss value given: pass --loss 0 for an unspoiled link");
        }
    }

    private static List<String> distinctLower(String what, List<String> values) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String s = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("an empty " + what + " name was given: list names separated by commas");
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " given: name at least one");
        }
        return List.copyOf(out);
    }

    /** Every cell, link first, then app, then strategy. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String rate : rates) {
            for (double loss : lossPercents) {
                LinkProfile link = LinkProfile.of(rate, loss);
                for (String app : apps) {
                    for (String strategy : strategies) {
                        cells.add(new Cell(app, strategy, link));
                    }
                }
            }
        }
        return cells;
    }

    /** Every run of every cell, in the order they are run. */
    public List<RunKey> runKeys() {
        List<RunKey> keys = new ArrayList<>();
        for (Cell cell : cells()) {
            for (int i = 1; i <= runs; i++) {
                keys.add(new RunKey(cell, i));
            }
        }
        return keys;
    }
}

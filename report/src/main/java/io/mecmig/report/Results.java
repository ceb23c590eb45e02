package io.mecmig.report;

import io.mecmig.experiment.ResultsStore;
import io.mecmig.experiment.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An experiment's finished runs (the last line of each run that produced a migration report), with the
 * groupings the charts and tables need. Apps and strategies are ordered as the paper orders them, others after.
 */
public final class Results {

    private static final List<String> APP_ORDER = List.of("ba", "uspa", "asw");
    private static final List<String> STRATEGY_ORDER = List.of("sfp", "fccp", "fullsp");

    private final List<RunRecord> runs;
    private final List<RunRecord> notRun;

    Results(List<RunRecord> all) {
        Map<String, RunRecord> latest = new LinkedHashMap<>();
        all.forEach(r -> latest.put(r.id(), r));
        this.runs = latest.values().stream().filter(r -> r.status().finished()).toList();
        this.notRun = latest.values().stream().filter(r -> !r.status().finished()).toList();
    }

    /**
     * Reads {@code dir/results.jsonl}.
     *
     * @throws IllegalArgumentException naming the folder and what to run first when there are no results
     */
    public static Results read(Path dir) {
        Path file = dir.resolve(ResultsStore.JSON_LINES);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + ResultsStore.JSON_LINES + " in " + dir
                    + ": give the folder an experiment wrote (./mecmig experiment --out DIR)");
        }
        return new Results(ResultsStore.read(file));
    }

    /** Finished runs. */
    public List<RunRecord> runs() {
        return runs;
    }

    /** The last record of runs that did not finish (unavailable, errors), to say what is missing. */
    public List<RunRecord> notRun() {
        return notRun;
    }

    public List<String> apps() {
        return ordered(runs.stream().map(RunRecord::app).toList(), APP_ORDER);
    }

    public List<String> strategies() {
        return ordered(runs.stream().map(RunRecord::strategy).toList(), STRATEGY_ORDER);
    }

    public List<LinkConfig> links() {
        return runs.stream().map(Results::link).distinct().sorted(LinkConfig.ORDER).toList();
    }

    /** The machines the finished runs came from (those of the others when none finished). */
    public List<String> machines() {
        List<RunRecord> from = runs.isEmpty() ? notRun : runs;
        return from.stream().map(RunRecord::machine).filter(m -> m != null).distinct().toList();
    }

    static LinkConfig link(RunRecord r) {
        return new LinkConfig(r.rate(), r.rateBps(), r.lossPercent());
    }

    /** The runs of one cell. */
    public List<RunRecord> cell(String app, String strategy, LinkConfig link) {
        return select(r -> r.app().equals(app) && r.strategy().equals(strategy) && link(r).equals(link));
    }

    public List<RunRecord> select(Predicate<RunRecord> which) {
        return runs.stream().filter(which).toList();
    }

    /** Median and spread of {@code figure} over one cell's runs that have it. */
    public Optional<Stats> stats(String app, String strategy, LinkConfig link, String figure) {
        return stats(cell(app, strategy, link), figure);
    }

    /** Median and spread of {@code figure} over {@code runs} that have it; empty when none has. */
    public static Optional<Stats> stats(List<RunRecord> runs, String figure) {
        List<Double> values = runs.stream().map(r -> r.number(figure)).flatMap(Optional::stream).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Stats.of(values));
    }

    /**
     * The link setting the paper's figures use (100 Mbit/s, no loss) if it was run, otherwise the one with
     * the most runs.
     */
    public Optional<LinkConfig> referenceLink() {
        if (links().contains(LinkConfig.REFERENCE)) {
            return Optional.of(LinkConfig.REFERENCE);
        }
        Map<LinkConfig, Long> counts = runs.stream().collect(Collectors.groupingBy(Results::link, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<LinkConfig, Long>comparingByValue()
                .thenComparing(e -> e.getKey().rateBps())).map(Map.Entry::getKey);
    }

    private static List<String> ordered(List<String> names, List<String> known) {
        List<String> out = new ArrayList<>();
        known.stream().filter(names::contains).forEach(out::add);
        new TreeSet<>(names).stream().filter(n -> !known.contains(n)).forEach(out::add);
        return out;
    }

    /** The paper's names as it writes them (BA, USPA, ASW, SFP, FCCP, FullSP); other names as they are. */
    public static String display(String name) {
        return switch (name) {
            case "fullsp" -> "FullSP";
            case "ba", "uspa", "asw", "sfp", "fccp" -> name.toUpperCase(java.util.Locale.ROOT);
            default -> name;
        };
    }

}

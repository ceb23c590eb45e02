package io.mecmig.report;

import io.mecmig.experiment.Figures;
import io.mecmig.experiment.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A per-run number the report summarizes: a figure of the run, possibly converted or combined.
 *
 * @param label how tables name it
 * @param unit its unit after conversion
 * @param value the run's value, empty when the run has none
 */
record Metric(String label, String unit, Function<RunRecord, Optional<Double>> value) {

    static final double MB = 1e6;

    static Metric seconds(String label, String figure) {
        return new Metric(label, "s", r -> r.number(figure));
    }

    static Metric megabytes(String label, String figure) {
        return new Metric(label, "MB", r -> r.number(figure).map(v -> v / MB));
    }

    static Metric kilobytes(String label, String figure) {
        return new Metric(label, "KB", r -> r.number(figure).map(v -> v / 1e3));
    }

    /** What pre-relocation moves: the image tarball plus, for full-state strategies, the first checkpoint. */
    static final Metric PRE_DATA = new Metric("tarball + pre-relocation checkpoint", "MB", r -> r.number(Figures.TARBALL_SIZE)
            .map(t -> (t + r.number(Figures.CHECKPOINT_PRE_SIZE).orElse(0.0)) / MB));

    static final Metric TARBALL = megabytes("tarball", Figures.TARBALL_SIZE);
    static final Metric CONTAINER = megabytes("container size", Figures.CONTAINER_SIZE);
    static final Metric CHECKPOINT = megabytes("checkpoint at relocation", Figures.CHECKPOINT_SIZE);
    static final Metric CHECKPOINT_SENT = megabytes("checkpoint bytes sent in relocation", Figures.CHECKPOINT_SENT);
    static final Metric VOLUME = kilobytes("volume at relocation", Figures.VOLUME_SIZE);
    static final Metric COMMIT_FREEZE = seconds("commit freeze", Figures.COMMIT_FREEZE);
    static final Metric PRE_SOURCE = seconds("pre-relocation, source", Figures.PRE_SOURCE);
    static final Metric PRE_TRANSFER = seconds("pre-relocation, transfer", Figures.PRE_TRANSFER);
    static final Metric PRE_TARGET = seconds("pre-relocation, target", Figures.PRE_TARGET);
    static final Metric RELOC_SOURCE = seconds("relocation, source", Figures.RELOC_SOURCE);
    static final Metric RELOC_TRANSFER = seconds("relocation, transfer", Figures.RELOC_TRANSFER);
    static final Metric RELOC_TARGET = seconds("relocation, target", Figures.RELOC_TARGET);
    static final Metric DOWNTIME = seconds("downtime (paper)", Figures.DOWNTIME_PAPER);
    static final Metric DOWNTIME_UE = seconds("downtime (UE-observed)", Figures.DOWNTIME_UE);
    static final Metric DOWNTIME_READY = seconds("downtime (until ready)", Figures.DOWNTIME_UNTIL_READY);
    static final Metric DOWNTIME_TO_FLOOR = new Metric("downtime / physical floor", "x",
            r -> r.number(Figures.DOWNTIME_TO_FLOOR));
    static final Metric LINK_MB = megabytes("bytes on the link", Figures.LINK_BYTES);

    /** How a chart's value axis names it: the quantity and its unit, such as {@code time (s)}. */
    String axisLabel() {
        return switch (unit) {
            case "s" -> "time (s)";
            case "MB", "KB" -> "size (" + unit + ")";
            default -> unit;
        };
    }

    /** Median and spread over the runs that have a value. */
    Optional<Stats> over(List<RunRecord> runs) {
        List<Double> values = runs.stream().map(value).flatMap(Optional::stream).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Stats.of(values));
    }
}

package io.mecmig.experiment;

import io.mecmig.core.Downtime;
import io.mecmig.core.Measures;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.PhaseReport;
import io.mecmig.core.Side;
import io.mecmig.core.StepTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, flattened from its migration report: the columns of the CSV and the
 * {@code figures} object of the JSON line. Sizes in bytes, times in seconds. A figure the run did not
 * produce (no checkpoint for SFP, no relocation after a failed pre-relocation) is absent, not zero.
 */
public final class Figures {

    public static final String CONTAINER_SIZE = "container_size_bytes";
    public static final String TARBALL_SIZE = "tarball_size_bytes";
    public static final String CHECKPOINT_PRE_SIZE = "checkpoint_pre_size_bytes";
    public static final String CHECKPOINT_SIZE = "checkpoint_size_bytes";
    public static final String CHECKPOINT_SENT = "checkpoint_sent_bytes";
    public static final String VOLUME_SIZE = "volume_size_bytes";
    public static final String COMMIT_FREEZE = "commit_freeze_s";
    public static final String FROZEN = "frozen_s";
    public static final String RESTORE = "restore_s";
    public static final String PRE_SOURCE = "pre_source_s";
    public static final String PRE_TRANSFER = "pre_transfer_s";
    public static final String PRE_TARGET = "pre_target_s";
    public static final String PRE_TOTAL = "pre_total_s";
    public static final String PRE_LINK_BYTES = "pre_link_bytes";
    public static final String RELOC_SOURCE = "reloc_source_s";
    public static final String RELOC_TRANSFER = "reloc_transfer_s";
    public static final String RELOC_TARGET = "reloc_target_s";
    public static final String RELOC_TOTAL = "reloc_total_s";
    public static final String RELOC_LINK_BYTES = "reloc_link_bytes";
    public static final String LINK_BYTES = "link_bytes";
    public static final String DOWNTIME_PAPER = "downtime_paper_s";
    public static final String DOWNTIME_UNTIL_READY = "downtime_until_ready_s";
    public static final String DOWNTIME_UE = "downtime_ue_s";
    /**
     * The paper's downtime split by side (its figure 10): the relocation steps from the stop on the source to
     * the app started on the target. The wait from there until the app answers is the rest of
     * {@link #DOWNTIME_UNTIL_READY}.
     */
    public static final String DOWNTIME_SOURCE = "downtime_source_s";
    public static final String DOWNTIME_TRANSFER = "downtime_transfer_s";
    public static final String DOWNTIME_TARGET = "downtime_target_s";
    /** The physical floor of a full-state relocation: frozen time + bytes after the freeze / rate + restore. */
    public static final String FLOOR = "floor_s";
    public static final String DOWNTIME_TO_FLOOR = "downtime_to_floor";
    public static final String STATE_PRESERVED = "state_preserved";
    public static final String RUNS_ON_TARGET = "runs_on_target";
    public static final String MANUAL_INPUT = "manual_input";
    public static final String VIABILITY = "viability";
    public static final String OUTCOME = "outcome";

    /** Every figure, in CSV column order. */
    public static final List<String> ALL = List.of(CONTAINER_SIZE, TARBALL_SIZE, CHECKPOINT_PRE_SIZE,
            CHECKPOINT_SIZE, CHECKPOINT_SENT, VOLUME_SIZE, COMMIT_FREEZE, FROZEN, RESTORE, PRE_SOURCE,
            PRE_TRANSFER, PRE_TARGET, PRE_TOTAL, PRE_LINK_BYTES, RELOC_SOURCE, RELOC_TRANSFER, RELOC_TARGET,
            RELOC_TOTAL, RELOC_LINK_BYTES, LINK_BYTES, DOWNTIME_PAPER, DOWNTIME_UNTIL_READY, DOWNTIME_UE,
            DOWNTIME_SOURCE, DOWNTIME_TRANSFER, DOWNTIME_TARGET, FLOOR, DOWNTIME_TO_FLOOR, STATE_PRESERVED,
            RUNS_ON_TARGET, MANUAL_INPUT, VIABILITY, OUTCOME);

    private static final Map<String, String> FROM_MEASURES = Map.of(
            Measures.CONTAINER_SIZE, CONTAINER_SIZE,
            Measures.TARBALL_SIZE, TARBALL_SIZE,
            Measures.CHECKPOINT_PRE_SIZE, CHECKPOINT_PRE_SIZE,
            Measures.CHECKPOINT_SIZE, CHECKPOINT_SIZE,
            Measures.CHECKPOINT_SENT, CHECKPOINT_SENT,
            Measures.VOLUME_SIZE, VOLUME_SIZE,
            Measures.COMMIT_FREEZE, COMMIT_FREEZE,
            Measures.FROZEN_TIME, FROZEN,
            Measures.RESTORE_TIME, RESTORE);

    private Figures() {
    }

    /** The figures of {@code report}, keyed by the constants above, in {@link #ALL} order. */
    public static Map<String, Object> of(MigrationReport report) {
        Map<String, Object> raw = new LinkedHashMap<>();
        FROM_MEASURES.forEach((measure, figure) -> {
            Double v = report.measures().get(measure);
            if (v != null) {
                raw.put(figure, v);
            }
        });
        phase(raw, report.preRelocation(), PRE_SOURCE, PRE_TRANSFER, PRE_TARGET, PRE_TOTAL, PRE_LINK_BYTES);
        phase(raw, report.relocation(), RELOC_SOURCE, RELOC_TRANSFER, RELOC_TARGET, RELOC_TOTAL, RELOC_LINK_BYTES);
        raw.put(LINK_BYTES, report.linkBytes());
        downtime(raw, report);
        floor(raw, report);
        if (report.stateCheck() != null) {
            raw.put(STATE_PRESERVED, report.stateCheck().preserved());
        }
        if (report.viability() != null) {
            raw.put(RUNS_ON_TARGET, report.viability().runsOnTarget());
            raw.put(MANUAL_INPUT, report.viability().manualInput());
            raw.put(VIABILITY, report.viability().label());
        }
        raw.put(OUTCOME, report.outcome().name());
        Map<String, Object> ordered = new LinkedHashMap<>();
        ALL.forEach(k -> {
            if (raw.containsKey(k)) {
                ordered.put(k, raw.get(k));
            }
        });
        return ordered;
    }

    private static void phase(Map<String, Object> out, PhaseReport phase, String source, String transfer,
                              String target, String total, String bytes) {
        if (phase == null) {
            return;
        }
        out.put(source, seconds(phase.timeOn(Side.SOURCE)));
        out.put(transfer, seconds(phase.timeOn(Side.LINK)));
        out.put(target, seconds(phase.timeOn(Side.TARGET)));
        out.put(total, seconds(phase.duration()));
        out.put(bytes, phase.linkBytes());
    }

    private static void downtime(Map<String, Object> out, MigrationReport report) {
        Downtime d = report.downtime();
        if (d == null) {
            return;
        }
        putSeconds(out, DOWNTIME_PAPER, d.paper());
        putSeconds(out, DOWNTIME_UNTIL_READY, d.untilReady());
        if (d.ueObserved() != null) {
            putSeconds(out, DOWNTIME_UE, d.ueObserved().longest());
        }
        if (report.relocation() != null && d.paper() != null) {
            List<StepTiming> parts = insidePaperDowntime(report.relocation(), d.paper());
            out.put(DOWNTIME_SOURCE, sum(parts, Side.SOURCE));
            out.put(DOWNTIME_TRANSFER, sum(parts, Side.LINK));
            out.put(DOWNTIME_TARGET, sum(parts, Side.TARGET));
        }
    }

    /**
     * The downtime steps that ended within the paper's downtime: those up to the app started on the target,
     * not the wait for its first answer that follows.
     */
    private static List<StepTiming> insidePaperDowntime(PhaseReport phase, Duration paper) {
        List<StepTiming> down = phase.steps().stream().filter(StepTiming::inDowntime).toList();
        if (down.isEmpty()) {
            return down;
        }
        Instant from = down.get(0).start();
        // Wall-clock step starts against a monotonic downtime: allow a millisecond of clock noise.
        Instant end = from.plus(paper).plusMillis(1);
        return down.stream().filter(s -> !s.start().plus(s.duration()).isAfter(end)).toList();
    }

    private static double sum(List<StepTiming> steps, Side side) {
        return seconds(steps.stream().filter(s -> s.side() == side).map(StepTiming::duration)
                .reduce(Duration.ZERO, Duration::plus));
    }

    /** Only for runs that froze and restored a process (full-state strategies) on a shaped link. */
    private static void floor(Map<String, Object> out, MigrationReport report) {
        Double frozen = report.measures().get(Measures.FROZEN_TIME);
        Double restore = report.measures().get(Measures.RESTORE_TIME);
        if (frozen == null || restore == null || report.relocation() == null || report.link().bitsPerSecond() == 0) {
            return;
        }
        double floor = frozen + report.relocation().linkBytes() * 8.0 / report.link().bitsPerSecond() + restore;
        out.put(FLOOR, floor);
        Object paper = out.get(DOWNTIME_PAPER);
        if (paper instanceof Double p && floor > 0) {
            out.put(DOWNTIME_TO_FLOOR, p / floor);
        }
    }

    private static void putSeconds(Map<String, Object> out, String key, Duration d) {
        if (d != null) {
            out.put(key, seconds(d));
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

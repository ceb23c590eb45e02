package io.mecmig.criu;

import io.mecmig.core.Measures;
import io.mecmig.core.MigrationReport;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The checkpoint figures of a full-state migration and its physical floor, as lines for a terminal. */
public final class CheckpointFigures {

    private CheckpointFigures() {
    }

    /** Empty for reports without a checkpoint (SFP, FCCP). */
    public static Optional<String> describe(MigrationReport report) {
        Map<String, Double> m = report.measures();
        if (!m.containsKey(Measures.CHECKPOINT_SIZE) && !m.containsKey(Measures.CHECKPOINT_PRE_SIZE)) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("checkpoint:");
        append(text, "pre-relocation size", m.get(Measures.CHECKPOINT_PRE_SIZE), "B");
        append(text, "final size", m.get(Measures.CHECKPOINT_SIZE), "B");
        append(text, "sent after the freeze", m.get(Measures.CHECKPOINT_SENT), "B");
        append(text, "frozen", m.get(Measures.FROZEN_TIME), "s");
        append(text, "restore", m.get(Measures.RESTORE_TIME), "s");
        Duration downtime = ueDowntime(report);
        PhysicalFloor.of(report).ifPresent(floor -> text.append('\n').append(floor.describe(downtime)));
        return Optional.of(text.toString());
    }

    /** The downtime as the UE saw it, else until the target was ready; null if relocation never stopped the app. */
    public static Duration ueDowntime(MigrationReport report) {
        if (report.downtime() == null) {
            return null;
        }
        if (report.downtime().ueObserved() != null && report.downtime().ueObserved().longestGap() != null) {
            return report.downtime().ueObserved().longest();
        }
        return report.downtime().untilReady();
    }

    private static void append(StringBuilder text, String label, Double value, String unit) {
        if (value != null) {
            text.append(unit.equals("B") ? String.format(Locale.ROOT, " %s %.0f B", label, value)
                    : String.format(Locale.ROOT, " %s %.3f s", label, value)).append(';');
        }
    }
}

package io.mecmig.criu;

import io.mecmig.core.Measures;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.StepTiming;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The least downtime a full-state relocation could have had on that run's link: the app's frozen time, plus
 * the bytes that had to cross the link after the freeze at the link's rate, plus the time from the restore's
 * start to the first answer on the target. Comparing the measured downtime to it shows how much of the
 * downtime is overhead rather than physics.
 *
 * @param frozenSeconds CRIU's frozen time (or the checkpoint call, when Docker hides CRIU's figures)
 * @param bytesAfterFreeze bytes sent across the link by the steps inside the downtime
 * @param linkBitsPerSecond the link's configured rate; 0 if unshaped (the transfer term is then left out)
 * @param restoreToAnswerSeconds from the restore step's start to the target's first ready answer
 */
public record PhysicalFloor(double frozenSeconds, long bytesAfterFreeze, long linkBitsPerSecond,
                            double restoreToAnswerSeconds) {

    /** The floor of {@code report}'s relocation, if it relocated from a checkpoint. */
    public static Optional<PhysicalFloor> of(MigrationReport report) {
        Double frozen = report.measures().get(Measures.FROZEN_TIME);
        if (frozen == null || report.relocation() == null) {
            return Optional.empty();
        }
        long bytes = report.relocation().steps().stream().filter(StepTiming::inDowntime)
                .mapToLong(StepTiming::linkBytes).sum();
        return Optional.of(new PhysicalFloor(frozen, bytes, report.link().bitsPerSecond(),
                restoreToAnswer(report.relocation().steps())));
    }

    /** From the restore's start (the first {@code docker start} step inside the downtime) to the first ready answer. */
    static double restoreToAnswer(List<StepTiming> steps) {
        double seconds = 0;
        boolean counting = false;
        for (StepTiming step : steps) {
            // the restore, whichever way it goes; a start sent before the freeze and held there is not the restore yet
            counting |= step.step().startsWith("docker start") && step.inDowntime();
            if (counting && step.inDowntime()) {
                seconds += seconds(step.duration());
            }
            if (counting && step.step().equals("await readiness")) {
                break;
            }
        }
        return seconds;
    }

    /** The floor in seconds. */
    public double seconds() {
        double transfer = linkBitsPerSecond > 0 ? bytesAfterFreeze * 8.0 / linkBitsPerSecond : 0;
        return frozenSeconds + transfer + restoreToAnswerSeconds;
    }

    /** {@code downtime / floor}; 1.0 would be a relocation without any overhead. */
    public double ratio(Duration downtime) {
        return seconds(downtime) / seconds();
    }

    /** One line for a terminal, for example {@code floor 0.412 s = frozen 0.160 + 1.2 MB / 100mbit 0.096 + ...}. */
    public String describe(Duration downtime) {
        double transfer = linkBitsPerSecond > 0 ? bytesAfterFreeze * 8.0 / linkBitsPerSecond : 0;
        String line = String.format(Locale.ROOT, "physical floor %.3f s = frozen %.3f s + %d B after the freeze / link %.3f s"
                        + " + restore to first answer %.3f s", seconds(), frozenSeconds, bytesAfterFreeze, transfer,
                restoreToAnswerSeconds);
        if (downtime != null) {
            line += String.format(Locale.ROOT, "; downtime %.3f s is %.2fx the floor", seconds(downtime), ratio(downtime));
        }
        return line;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

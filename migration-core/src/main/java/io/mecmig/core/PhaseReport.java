package io.mecmig.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One phase's steps, in the order they ran.
 *
 * @param phase which phase
 * @param start wall-clock start
 * @param duration from its first step's start to its last step's end
 * @param steps each step's timing
 */
public record PhaseReport(Phase phase, Instant start, Duration duration, List<StepTiming> steps) {

    /**
     * Copies the collections, so that the record stays immutable.
     *
     * @param phase which phase
     * @param start wall-clock start
     * @param duration from its first step's start to its last step's end
     * @param steps each step's timing
     */
    public PhaseReport {
        steps = List.copyOf(steps);
    }

    /**
     * Time spent on one side: the paper's source preparation, transfer and target times.
     *
     * @param side a side
     * @return the summed durations of its steps in this phase
     */
    public Duration timeOn(Side side) {
        return steps.stream().filter(s -> s.side() == side).map(StepTiming::duration)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Bytes this phase sent across the link.
     *
     * @return the bytes
     */
    @JsonIgnore
    public long linkBytes() {
        return steps.stream().mapToLong(StepTiming::linkBytes).sum();
    }
}

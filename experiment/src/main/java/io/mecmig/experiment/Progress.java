package io.mecmig.experiment;

import java.time.Duration;
import java.util.Optional;

/**
 * Where an experiment stands when a run starts or ends.
 *
 * @param cell the current cell's number, from 1
 * @param cells how many cells the plan has
 * @param run the current run's number in its cell, from 1
 * @param runsPerCell runs per cell
 * @param done runs finished so far, those kept from an earlier attempt included
 * @param total runs in the plan
 * @param kept runs kept from an earlier attempt (skipped, not run again)
 * @param eta the time left, estimated from the runs done in this attempt; empty before the first one ends
 */
public record Progress(int cell, int cells, int run, int runsPerCell, int done, int total, int kept,
                       Optional<Duration> eta) {

    /** The share done, 0 to 1. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}

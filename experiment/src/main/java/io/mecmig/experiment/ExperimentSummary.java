package io.mecmig.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What an experiment attempt did.
 *
 * @param out the output folder
 * @param total runs in the plan
 * @param kept runs kept from an earlier attempt
 * @param byStatus runs of this attempt by how they ended
 * @param wall how long this attempt took
 */
public record ExperimentSummary(Path out, int total, int kept, Map<RunStatus, Integer> byStatus, Duration wall) {

    public ExperimentSummary {
        byStatus = Map.copyOf(byStatus);
    }

    /** Runs of this attempt that ended with {@code status}. */
    public int count(RunStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** Whether every run of the plan has now finished with a report. */
    public boolean complete() {
        return kept + count(RunStatus.COMPLETED) + count(RunStatus.ROLLED_BACK) + count(RunStatus.FAILED) == total;
    }
}

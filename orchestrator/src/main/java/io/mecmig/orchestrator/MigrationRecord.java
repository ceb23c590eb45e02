package io.mecmig.orchestrator;

import java.time.Duration;
import java.time.Instant;

/**
 * One migration the orchestrator started, as it ended.
 *
 * @param id the migration's id
 * @param source where the app was
 * @param target where it was sent
 * @param strategy how
 * @param status how it ended
 * @param decidedAt when pre-relocation was decided (time of the observation that triggered it)
 * @param predictedLead the predicted time to the handover when decided (zero: the handover came first)
 * @param preRelocation how long phase 1 took (null if it did not end)
 * @param downtime the service interruption (null unless completed)
 * @param statePreserved whether the state check held (false unless completed)
 * @param detail the state check's detail, the failure or the abort reason
 */
public record MigrationRecord(String id, String source, String target, String strategy, Status status,
                              Instant decidedAt, Duration predictedLead, Duration preRelocation, Duration downtime,
                              boolean statePreserved, String detail) {

    /** How a migration ended. */
    public enum Status { COMPLETED, FAILED, ABORTED }
}

package io.mecmig.cli.faults;

import java.time.Duration;

/**
 * One cell of the fault table.
 *
 * @param fault the injected fault
 * @param strategy the strategy that ran
 * @param outcome how the migration (or its recovery) ended: COMPLETED, ROLLED_BACK, ABORTED, FINISHED...
 * @param servedFrom the one host the app answers from afterwards, or a description of what is wrong
 * @param servingHosts on how many hosts the app's container runs afterwards (must be 1)
 * @param downtime the longest time the UE got no answer, or null when not measured
 * @param stateKept whether the app's state after is at least its state before (USPA's counter, ASW's keys)
 * @param what what the report (or recovery) says happened, in one line
 */
public record FaultResult(FaultCase fault, String strategy, String outcome, String servedFrom, int servingHosts,
                          Duration downtime, boolean stateKept, String what) {

    /** The fault table's promise: the app serves from exactly one host with its state intact. */
    public boolean held() {
        return servingHosts == 1 && stateKept;
    }
}

package io.mecmig.core;

import java.util.List;

/**
 * What rollback did after a failure.
 *
 * @param reason the failure that caused it
 * @param actions each rollback step and how it went
 * @param sourceState what the source was left in
 */
public record RollbackReport(String reason, List<String> actions, SourceState sourceState) {

    /**
     * Copies the collections, so that the record stays immutable.
     *
     * @param reason the failure that caused it
     * @param actions each rollback step and how it went
     * @param sourceState what the source was left in
     */
    public RollbackReport {
        actions = List.copyOf(actions);
    }
}

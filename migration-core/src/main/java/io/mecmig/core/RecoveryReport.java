package io.mecmig.core;

import java.util.List;

/**
 * What {@link Recovery} did with one half-done migration.
 *
 * @param migration the migration as its journal told it
 * @param resolution whether it was finished or rolled back, and whether that worked
 * @param servedFrom the host the app answers on afterwards, null if none answers
 * @param actions each thing recovery did or checked, and how it went
 */
public record RecoveryReport(JournaledMigration migration, Resolution resolution, String servedFrom,
                             List<String> actions) {

    /**
     * Copies the collections, so that the record stays immutable.
     *
     * @param migration the migration as its journal told it
     * @param resolution whether it was finished or rolled back, and whether that worked
     * @param servedFrom the host the app answers on afterwards, null if none answers
     * @param actions each thing recovery did or checked, and how it went
     */
    public RecoveryReport {
        actions = List.copyOf(actions);
    }

    /** How recovery resolved a migration. */
    public enum Resolution {
        /** The app already ran on the target: recovery checked it serves (with its state) and kept it there. */
        FINISHED,
        /** Recovery ran the strategy's rollback: the app serves from the source. */
        ROLLED_BACK,
        /** Neither worked: the app may be down; the actions say what failed. */
        FAILED
    }

    /**
     * A few lines for a person.
     *
     * @return those lines
     */
    public String describe() {
        return migration.describe() + "\n  -> " + resolution + (servedFrom == null ? ", the app answers nowhere"
                : ", the app serves from " + servedFrom) + "\n  - " + String.join("\n  - ", actions);
    }
}

package io.mecmig.core;

import java.util.Optional;

/**
 * What a step sees while it runs: the app, both hosts, the data earlier steps left, and where to record
 * what it measured. One context spans both phases of a migration.
 */
public interface StepContext {

    /** @return the migration's id, unique across processes and machines and a valid Docker tag; handy for naming
     *     temporary files and images */
    String migrationId();

    /** @return the app being moved */
    AppSpec app();

    /** @return the phase the running step belongs to */
    Phase phase();

    /** @return the host the app moves from */
    Host source();

    /** @return the host the app moves to */
    Host target();

    /**
     * The source host as the backend type the step needs.
     *
     * @param <H>  that type
     * @param type that type's class, for example a Docker host
     * @return the source host
     * @throws InvalidMigrationException naming both types when the host is of another kind
     */
    <H extends Host> H source(Class<H> type);

    /**
     * The target host as the backend type the step needs.
     *
     * @param <H>  that type
     * @param type that type's class, for example a Docker host
     * @return the target host
     * @throws InvalidMigrationException naming both types when the host is of another kind
     */
    <H extends Host> H target(Class<H> type);

    /** @return the link's configured rate and loss */
    LinkProfile link();

    /**
     * Records bytes that crossed the link in this step; they are added to the step's and the run's totals.
     *
     * @param transfer what crossed and how many bytes
     */
    void transferred(Transfer transfer);

    /**
     * Records a figure of this run, for example a tarball's size in bytes.
     *
     * @param key   a {@link Measures} key
     * @param value the figure, in the unit the key names
     */
    void measure(String key, double value);

    /**
     * Leaves data for later steps, in this phase or the next.
     *
     * @param <T>   the data's type
     * @param key   where to leave it
     * @param value the data
     */
    <T> void put(Key<T> key, T value);

    /**
     * Data an earlier step left.
     *
     * @param <T> the data's type
     * @param key where it was left
     * @return the data
     * @throws MigrationException when no step left it: the steps are out of order, or pre-relocation did not run
     */
    <T> T get(Key<T> key);

    /**
     * Data an earlier step may have left.
     *
     * @param <T> the data's type
     * @param key where it would be
     * @return the data, or empty when no step left any
     */
    <T> Optional<T> find(Key<T> key);

    /**
     * Records that the step needed input a person had to give (the paper's CMD for SFP).
     *
     * @param what the input, in words
     */
    void manualInput(String what);

    /**
     * A remark for the report, for example a fallback the step took.
     *
     * @param message the remark
     */
    void note(String message);

    /**
     * Adds work to do once the migration has ended (completed, rolled back or aborted): removing what a step made
     * only to move the app and nothing needs afterwards, such as an image committed for the transfer. It runs after
     * any rollback and once every figure of the report is taken, so it costs neither downtime nor step time; a
     * failure is a warning in the report, never a failed migration. Work of a name already added is not added again;
     * each runs once, in the order added. After a migration whose rollback could not bring the app back (outcome
     * FAILED) none of it runs: what it would remove may be what recovers the app; the report's warnings list it.
     * Work added here is known only to this process: what {@link Recovery} must do too after a crash belongs in
     * {@link Strategy#afterMigration}, which runs right after it.
     *
     * @param tidyUp the work, named for the warning a failure gives
     */
    void afterMigration(Step tidyUp);
}

package io.mecmig.core;

import java.util.Optional;

/**
 * What a step sees while it runs: the app, both hosts, the data earlier steps left, and where to record
 * what it measured. One context spans both phases of a migration.
 */
public interface StepContext {

    /** The migration's id, unique in this process; handy for naming temporary files and images. */
    String migrationId();

    AppSpec app();

    Phase phase();

    Host source();

    Host target();

    /** The source host as the backend type the step needs; a clear error if the host is of another kind. */
    <H extends Host> H source(Class<H> type);

    /** The target host as the backend type the step needs; a clear error if the host is of another kind. */
    <H extends Host> H target(Class<H> type);

    LinkProfile link();

    /** Records bytes that crossed the link in this step; they are added to the step's and the run's totals. */
    void transferred(Transfer transfer);

    /** Records a figure of this run under a {@link Measures} key, for example a tarball's size in bytes. */
    void measure(String key, double value);

    /** Leaves data for later steps, in this phase or the next. */
    <T> void put(Key<T> key, T value);

    /** Data an earlier step left, or a clear error naming the step that should have left it. */
    <T> T get(Key<T> key);

    <T> Optional<T> find(Key<T> key);

    /** Records that the step needed input a person had to give (the paper's CMD for SFP). */
    void manualInput(String what);

    /** A remark for the report, for example a fallback the step took. */
    void note(String message);
}

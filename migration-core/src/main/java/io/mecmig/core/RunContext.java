package io.mecmig.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The engine's {@link StepContext}: one per migration, spanning both phases. Used by the engine thread only. */
final class RunContext implements StepContext {

    private final String id;
    private final AppSpec app;
    private final Host source;
    private final Host target;
    private final LinkProfile link;
    private final Map<Key<?>, Object> data = new HashMap<>();
    private final Map<String, Double> measures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> manualInputs = new ArrayList<>();
    private final Map<String, Step> afterMigration = new LinkedHashMap<>();
    private final AtomicLong stepLinkBytes = new AtomicLong();
    private Phase phase = Phase.PRE_RELOCATION;
    private JournalFile journal = JournalFile.OFF;

    RunContext(String id, AppSpec app, Host source, Host target, LinkProfile link) {
        this.id = id;
        this.app = app;
        this.source = source;
        this.target = target;
        this.link = link;
    }

    @Override
    public String migrationId() {
        return id;
    }

    @Override
    public AppSpec app() {
        return app;
    }

    @Override
    public Phase phase() {
        return phase;
    }

    void phase(Phase phase) {
        this.phase = phase;
    }

    @Override
    public Host source() {
        return source;
    }

    @Override
    public Host target() {
        return target;
    }

    @Override
    public <H extends Host> H source(Class<H> type) {
        return as(type, source, "source");
    }

    @Override
    public <H extends Host> H target(Class<H> type) {
        return as(type, target, "target");
    }

    private static <H extends Host> H as(Class<H> type, Host host, String role) {
        if (!type.isInstance(host)) {
            throw new InvalidMigrationException("the " + role + " host '" + host.name() + "' is a "
                    + host.getClass().getSimpleName() + " but this strategy needs a " + type.getSimpleName()
                    + ": create the host with that backend");
        }
        return type.cast(host);
    }

    @Override
    public LinkProfile link() {
        return link;
    }

    @Override
    public void transferred(Transfer transfer) {
        stepLinkBytes.addAndGet(transfer.bytes());
    }

    /** Bytes recorded since the last call: the engine reads it after each step. */
    long takeStepLinkBytes() {
        return stepLinkBytes.getAndSet(0);
    }

    @Override
    public void measure(String key, double value) {
        measures.put(key, value);
    }

    @Override
    public <T> void put(Key<T> key, T value) {
        if (key.journaled()) {
            journal.value(key.name(), (String) value); // on disk before the step that needs it for rollback ends
        }
        data.put(key, value);
    }

    /** Where this run's progress is written; {@link JournalFile#OFF} when it runs without a journal. */
    JournalFile journal() {
        return journal;
    }

    void journal(JournalFile journal) {
        this.journal = journal;
    }

    /** Gives back a value read from the journal after a crash, under its journaled key. */
    void restore(String key, String value) {
        data.put(Key.journaled(key), value);
    }

    @Override
    public <T> T get(Key<T> key) {
        return find(key).orElseThrow(() -> new MigrationException("no '" + key.name() + "' was left by an earlier"
                + " step: the strategy's steps are out of order, or pre-relocation did not run"));
    }

    @Override
    public <T> Optional<T> find(Key<T> key) {
        return Optional.ofNullable(key.type().cast(data.get(key)));
    }

    @Override
    public void manualInput(String what) {
        manualInputs.add(what);
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    @Override
    public void afterMigration(Step tidyUp) {
        afterMigration.putIfAbsent(tidyUp.name(), tidyUp);
    }

    /** The work added by {@link #afterMigration}, each once: the list is emptied. */
    List<Step> takeAfterMigration() {
        List<Step> steps = List.copyOf(afterMigration.values());
        afterMigration.clear();
        return steps;
    }

    void warn(String message) {
        warnings.add(message);
    }

    Map<String, Double> measures() {
        return measures;
    }

    List<String> notes() {
        return notes;
    }

    List<String> warnings() {
        return warnings;
    }

    List<String> manualInputs() {
        return manualInputs;
    }
}

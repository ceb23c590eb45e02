package io.mecmig.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A migration as its journal tells it: how far it got. Read from a file of a {@link Journal}.
 *
 * @param file the journal file
 * @param id the migration's id
 * @param app the app's container name
 * @param source the source host's name
 * @param target the target host's name
 * @param strategy the strategy's name
 * @param phase the last phase entered, null if none
 * @param preRelocated whether phase 1 completed
 * @param stopStarted whether a step that stops the service on the source began (it may have stopped it)
 * @param serviceStarted whether the step that starts the app on the target completed
 * @param lastStep the last step that began, null if none
 * @param lastStepCompleted whether that step completed
 * @param values the journaled values steps left (see {@link Key#journaled(String)})
 * @param ended whether the journal has its last entry (the migration completed, rolled back, was aborted
 *     or recovered)
 * @param running whether a live process still holds the journal: the migration is running, not crashed
 */
public record JournaledMigration(Path file, String id, String app, String source, String target, String strategy,
                                 Phase phase, boolean preRelocated, boolean stopStarted, boolean serviceStarted,
                                 String lastStep, boolean lastStepCompleted, Map<String, String> values,
                                 boolean ended, boolean running) {

    /**
     * Copies the collections, so that the record stays immutable.
     *
     * @param file the journal file
     * @param id the migration's id
     * @param app the app's container name
     * @param source the source host's name
     * @param target the target host's name
     * @param strategy the strategy's name
     * @param phase the last phase entered, null if none
     * @param preRelocated whether phase 1 completed
     * @param stopStarted whether a step that stops the service on the source began (it may have stopped it)
     * @param serviceStarted whether the step that starts the app on the target completed
     * @param lastStep the last step that began, null if none
     * @param lastStepCompleted whether that step completed
     * @param values the journaled values steps left (see {@link Key#journaled(String)})
     * @param ended whether the journal has its last entry (the migration completed, rolled back, was aborted
     *     or recovered)
     * @param running whether a live process still holds the journal: the migration is running, not crashed
     */
    public JournaledMigration {
        values = Map.copyOf(values);
    }

    /**
     * One line for a person: what it was and how far it got.
     *
     * @return that line
     */
    public String describe() {
        return id + ": " + app + " from " + source + " to " + target + " with " + strategy + ", "
                + (phase == null ? "no phase begun" : phase + (lastStep == null ? "" : ", step '" + lastStep + "' "
                + (lastStepCompleted ? "completed" : "began"))) + (running ? " (still running)" : "");
    }

    /** The migration in {@code file}, or null when the file has no {@code started} entry yet. */
    static JournaledMigration read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file + ": check its permissions", e);
        }
        Reader r = new Reader();
        for (String line : lines) {
            JsonNode entry = parse(line);
            if (entry == null) {
                break; // a line cut short by the crash: nothing after it was written either
            }
            r.apply(entry);
        }
        if (r.id == null) {
            return null; // being created right now, or cut short before its first entry: nothing ran yet
        }
        return new JournaledMigration(file, r.id, r.app, r.source, r.target, r.strategy, r.phase, r.preRelocated,
                r.stopStarted, r.serviceStarted, r.lastStep, r.lastStepCompleted, r.values, r.ended,
                !r.ended && isLocked(file));
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            return node != null && node.hasNonNull("event") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isLocked(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process holds it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of journal " + file, e);
        }
    }

    /** Folds the entries, in order, into what the migration got to. */
    private static final class Reader {
        String id;
        String app;
        String source;
        String target;
        String strategy;
        Phase phase;
        boolean preRelocated;
        boolean stopStarted;
        boolean serviceStarted;
        String lastStep;
        boolean lastStepCompleted;
        boolean ended;
        final Map<String, String> values = new LinkedHashMap<>();

        void apply(JsonNode e) {
            String event = e.get("event").asText();
            switch (event) {
                case JournalEntries.STARTED -> {
                    id = e.path("id").asText();
                    app = e.path("app").asText();
                    source = e.path("source").asText();
                    target = e.path("target").asText();
                    strategy = e.path("strategy").asText();
                }
                case JournalEntries.PHASE -> {
                    phase = Phase.valueOf(e.path("phase").asText());
                    lastStep = null;
                    lastStepCompleted = false;
                }
                case JournalEntries.STEP_STARTED -> {
                    lastStep = e.path("step").asText();
                    lastStepCompleted = false;
                    if (ServiceEffect.STOPS_SERVICE.name().equals(e.path("effect").asText())) {
                        stopStarted = true;
                    }
                }
                case JournalEntries.STEP_COMPLETED -> lastStepCompleted = true;
                case JournalEntries.SERVICE_STARTED -> serviceStarted = true;
                case JournalEntries.VALUE -> values.put(e.path("key").asText(), e.path("value").asText());
                case JournalEntries.PRE_RELOCATED -> preRelocated = true;
                default -> ended |= JournalEntries.isEnd(event);
            }
        }
    }
}

package io.mecmig.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One migration's journal: JSON lines appended and fsynced before the engine goes on, so that after a
 * crash {@link Recovery} knows how far the migration got. The file stays locked while the migration runs;
 * the operating system drops the lock when the process dies, which is how a crashed migration is told
 * apart from one still running in another process.
 */
final class JournalFile implements AutoCloseable {

    /** The journal of a migration run without one: every call does nothing. */
    static final JournalFile OFF = new JournalFile();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private JournalFile() {
        this.path = null;
        this.channel = null;
        this.lock = null;
    }

    private JournalFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the file (0600), locks it and writes the {@code started} entry. */
    static JournalFile create(Path path, String id, AppSpec app, Host source, Host target, Strategy strategy) {
        SecureFiles.privateFile(path);
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new InvalidMigrationException("journal " + path + " is locked by another process: a migration"
                        + " with id " + id + " is running there");
            }
            JournalFile file = new JournalFile(path, channel, lock);
            file.append(entry(JournalEntries.STARTED).put("id", id).put("app", app.container())
                    .put("source", source.name()).put("target", target.name()).put("strategy", strategy.name()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the migration journal " + path + ": check the journal"
                    + " folder's permissions and free space, or run without a journal", e);
        }
    }

    /** Reopens the journal of a crashed migration to add its last entry; refuses one a live process holds. */
    static JournalFile resume(Path path) {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new InvalidMigrationException("journal " + path + " is locked: its migration is still running"
                        + " in another process; wait for it to finish");
            }
            return new JournalFile(path, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the migration journal " + path + ": check its"
                    + " permissions", e);
        }
    }

    void phase(Phase phase) {
        append(entry(JournalEntries.PHASE).put("phase", phase.name()));
    }

    void stepStarted(Phase phase, Step step) {
        append(entry(JournalEntries.STEP_STARTED).put("phase", phase.name()).put("step", step.name())
                .put("side", step.side().name()).put("effect", step.effect().name()));
    }

    void stepCompleted(Phase phase, Step step) {
        append(entry(JournalEntries.STEP_COMPLETED).put("phase", phase.name()).put("step", step.name()));
        if (step.effect() == ServiceEffect.STOPS_SERVICE) {
            append(entry(JournalEntries.SERVICE_STOPPED));
        } else if (step.effect() == ServiceEffect.STARTS_SERVICE) {
            append(entry(JournalEntries.SERVICE_STARTED));
        }
    }

    void value(String key, String value) {
        append(entry(JournalEntries.VALUE).put("key", key).put("value", value));
    }

    void preRelocated() {
        append(entry(JournalEntries.PRE_RELOCATED));
    }

    /** The last entry: the migration is over (completed, rolled back, aborted or recovered); unlocks. */
    void ended(String event, String detail) {
        append(entry(event).put("detail", detail));
        close();
    }

    private static ObjectNode entry(String event) {
        return Json.MAPPER.createObjectNode().put("event", event).put("at", Instant.now().toString());
    }

    private synchronized void append(ObjectNode entry) {
        if (channel == null) {
            return;
        }
        try {
            byte[] line = (Json.MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true); // on disk before the step it announces runs
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the migration journal " + path + ": free space on its"
                    + " disk; nothing further was run", e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the migration journal " + path, e);
        }
    }
}

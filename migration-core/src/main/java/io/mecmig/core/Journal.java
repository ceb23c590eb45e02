package io.mecmig.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder (0700) of migration journals, one JSON-lines file (0600) per migration. The engine writes each
 * entry and fsyncs it before the step it announces runs, so a migration whose process died (power cut,
 * kill -9) can be found with {@link #unfinished()} and finished or rolled back with {@link Recovery}.
 *
 * <p>The journal also guards an app across processes: a migration of an app on a host is refused while
 * another one of the same app from the same host is running, or lies unfinished, in the same journal.
 */
public final class Journal {

    private static final String SUFFIX = ".jsonl";
    private static final String GUARD = ".guard";
    /** File locks guard against other processes only; threads of this one queue here. */
    private static final Object IN_PROCESS = new Object();

    private final Path dir;

    private Journal(Path dir) {
        this.dir = SecureFiles.privateDirectory(dir);
    }

    /**
     * The journal in {@code dir}, created (0700) if missing.
     *
     * @param dir the journal's folder
     * @return the journal
     */
    public static Journal at(Path dir) {
        return new Journal(dir);
    }

    /**
     * {@code ~/.mecmig/journal}: where the command line keeps it unless told otherwise.
     *
     * @return that folder
     */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home"), ".mecmig", "journal");
    }

    /**
     * The journal's folder.
     *
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /**
     * Every migration in this journal that has not ended, in file-name order; see {@link JournaledMigration#running()}.
     *
     * @return those migrations
     */
    public List<JournaledMigration> unfinished() {
        List<JournaledMigration> found = new ArrayList<>();
        for (Path file : files()) {
            JournaledMigration m = JournaledMigration.read(file);
            if (m != null && !m.ended()) {
                found.add(m);
            }
        }
        return found;
    }

    /**
     * Starts the journal of a new migration, after checking that no other migration of the same app from the
     * same host is running or unfinished. The check and the creation happen under a lock on the folder, so two
     * processes cannot both pass it.
     */
    JournalFile begin(String id, AppSpec app, Host source, Host target, Strategy strategy) {
        synchronized (IN_PROCESS) {
            return beginGuarded(id, app, source, target, strategy);
        }
    }

    @SuppressWarnings("try") // the file lock is held for the body without being referenced in it
    private JournalFile beginGuarded(String id, AppSpec app, Host source, Host target, Strategy strategy) {
        Path guard = SecureFiles.privateFile(dir.resolve(GUARD));
        try (FileChannel channel = FileChannel.open(guard, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            refuseIfUnfinished(app, source);
            String fileName = id + "-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + SUFFIX;
            return JournalFile.create(dir.resolve(fileName), id, app, source, target, strategy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the journal folder " + dir + ": check its permissions", e);
        }
    }

    /**
     * Refuses when a migration of {@code app} from {@code source} is running or lies unfinished here.
     *
     * @throws InvalidMigrationException saying which, and what to do
     */
    void refuseIfUnfinished(AppSpec app, Host source) {
        for (JournaledMigration other : unfinished()) {
            if (other.app().equals(app.container()) && other.source().equals(source.name())) {
                throw new InvalidMigrationException("app '" + app.container() + "' on " + source.name()
                        + " already has a migration " + (other.running()
                        ? "running (" + other.id() + ", journal " + other.file() + "): wait for it to finish"
                        : "left unfinished by a crash (" + other.id() + ", journal " + other.file()
                        + "): run 'mecmig recover' to finish or roll it back first"));
            }
        }
    }

    private List<Path> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal folder " + dir + ": check its permissions", e);
        }
    }
}

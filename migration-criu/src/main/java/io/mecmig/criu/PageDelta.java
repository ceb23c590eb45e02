package io.mecmig.criu;

import io.mecmig.docker.ssh.RemoteCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page-level content delta of CRIU images, as commands for the hosts: {@code pagedelta.py} (python3 and its
 * standard library only) hashes every 4 KiB page of the pre-relocation dump once, then sends a later dump as
 * its small files plus, per page, either a reference to an identical page of the pre-relocation dump (which
 * both hosts hold) or the page itself. The script travels inside the command line, so hosts need no copy. The
 * stream's format is written at the top of the script.
 */
final class PageDelta {

    private static final String SCRIPT = load();
    /** apply's exit status when a rebuilt file differs from what the sender read. */
    static final int MISMATCH = 3;

    private PageDelta() {
    }

    /** Hashes the pages of {@code base} into {@code base/.page-index}. */
    static RemoteCommand index(String base) {
        return python("index", base);
    }

    /** Writes {@code next} as a delta against {@code base} on standard output. */
    static RemoteCommand make(String base, String next) {
        return python("make", base, next);
    }

    /**
     * As {@link #make}, but started before {@code next} exists: loads the index and opens the base, then waits for a
     * line {@value #GO} on its standard input (the dump is done) and only then reads {@code next}; it writes nothing
     * if its input ends without that line.
     */
    static RemoteCommand makeWhenTold(String base, String next) {
        return python("make", base, next, "--wait");
    }

    /**
     * As {@link #makeWhenTold(String, String)}, but it watches CRIU's log {@code dumpLog} while CRIU dumps: each page
     * image goes out as soon as CRIU has closed it (while CRIU still dumps the rest of the app), and the other files as
     * soon as the log says CRIU kills the dumped tasks (every image is closed then; CRIU still waits for the tasks to
     * die, 0.02-0.08 s for ASW, before its success line), without waiting for runc to clean up after CRIU; it still
     * exits 1, after sending, unless CRIU's success line and {@value #GO} come once runc is done. A page image that
     * changed after it was sent is sent again.
     *
     * @param compress zlib-compress the stream in the script, flushed after each file so that the receiver rebuilds a
     *     page image while CRIU still dumps (zstd's tool would hold the last 128 KiB back until more comes)
     */
    static RemoteCommand makeWhenTold(String base, String next, String dumpLog, boolean compress) {
        return compress ? python("make", "-z", base, next, "--wait", dumpLog) : python("make", base, next, "--wait", dumpLog);
    }

    /**
     * As {@link #makeWhenTold(String, String, String, boolean)}, and it watches the app's main process {@code appPid}
     * until CRIU kills it: if the app dies before (it exits, or has a SIGKILL pending), it sends CRIU a SIGALRM,
     * CRIU's own timeout, so that the dump fails at once. CRIU otherwise waits for a task that never stops for it: 10 s
     * in its freezing stage, without a bound after it.
     */
    static RemoteCommand makeWhenTold(String base, String next, String dumpLog, boolean compress, long appPid) {
        String pid = Long.toString(appPid);
        return compress ? python("make", "-z", base, next, "--wait", dumpLog, pid)
                : python("make", base, next, "--wait", dumpLog, pid);
    }

    /** What tells {@link #makeWhenTold} to go. */
    static final String GO = "go";

    /**
     * Reads a delta on standard input (plain or compressed, as its head says) and writes the whole image folder into
     * {@code out}, each file as it arrives, from the delta and {@code base}'s page images (only read); {@code out}
     * appears only once every file has the CRC-32 the sender read, else the command exits with {@value #MISMATCH} and
     * says {@code checksum mismatch: FILE ...}.
     */
    static RemoteCommand apply(String base, String out) {
        return python("apply", base, out);
    }

    private static RemoteCommand python(String... args) {
        // -S: no site module; it only costs startup time, and the script needs the standard library alone.
        String[] argv = new String[args.length + 3];
        argv[0] = "-S";
        argv[1] = "-c";
        argv[2] = SCRIPT;
        System.arraycopy(args, 0, argv, 3, args.length);
        return RemoteCommand.of("python3", argv);
    }

    private static String load() {
        try (InputStream in = PageDelta.class.getResourceAsStream("pagedelta.py")) {
            if (in == null) {
                throw new IllegalStateException("pagedelta.py is missing from the migration-criu jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

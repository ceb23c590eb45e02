package io.mecmig.apps.uspa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The paper's Algorithm 1, for USPA's runtime log. In {@link Phase#NORMAL} lines go to {@code runtime.log} on the
 * container filesystem; in {@link Phase#MIGRATION} the container filesystem is left untouched (so the tarball
 * made in pre-relocation stays complete) and lines go to {@code runtimedata.dat} on the volume, which moves
 * with the UE. {@code runtimedata.dat} is truncated at every phase change.
 */
public final class RuntimeLog {

    private final Path containerLog;
    private final Path volumeData;
    private Phase phase = Phase.NORMAL;

    /** A log writing to {@code logDir/runtime.log} normally and to {@code dataDir/runtimedata.dat} in migration. */
    public RuntimeLog(Path logDir, Path dataDir) {
        this.containerLog = logDir.resolve("runtime.log");
        this.volumeData = dataDir.resolve("runtimedata.dat");
    }

    /** The current phase. */
    public synchronized Phase phase() {
        return phase;
    }

    /** Switches phase; truncates {@code runtimedata.dat} whenever the phase actually changes. */
    public synchronized void changePhase(Phase next) {
        if (next != phase) {
            write(volumeData, "", StandardOpenOption.TRUNCATE_EXISTING);
            phase = next;
        }
    }

    /** Appends one line where the current phase says. */
    public synchronized void append(String line) {
        write(phase == Phase.NORMAL ? containerLog : volumeData, line + "\n", StandardOpenOption.APPEND);
    }

    /** Where the next line goes. */
    public synchronized Path target() {
        return phase == Phase.NORMAL ? containerLog : volumeData;
    }

    private static void write(Path file, String text, StandardOpenOption mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write USPA runtime data to " + file, e);
        }
    }
}

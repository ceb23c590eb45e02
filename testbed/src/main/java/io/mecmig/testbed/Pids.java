package io.mecmig.testbed;

import io.mecmig.testbed.exec.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Pid files of the daemons the testbed and the setup start. */
public final class Pids {

    private Pids() {
    }

    /** The live process named in {@code pidFile} whose command line mentions {@code marker}, if any. */
    public static Optional<ProcessHandle> live(Path pidFile, String marker) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(h -> alive(h.pid()));
            // A recycled pid belongs to someone else: only trust it when its command line is ours.
            return handle.filter(h -> commandLine(pid).contains(marker));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the process: SIGTERM, then SIGKILL after {@code grace}. */
    static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        if (!Wait.until(grace, Duration.ofMillis(50), () -> !alive(process.pid()))) {
            process.destroyForcibly();
            Wait.until(Duration.ofSeconds(5), Duration.ofMillis(50), () -> !alive(process.pid()));
        }
    }

    /**
     * True while the process runs. A zombie counts as ended: its parent (often init, which on some
     * machines reaps late) has not collected it yet, but it holds nothing anymore.
     */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}

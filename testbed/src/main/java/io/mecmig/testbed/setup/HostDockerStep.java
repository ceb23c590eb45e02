package io.mecmig.testbed.setup;

import io.mecmig.testbed.DockerProbe;
import io.mecmig.testbed.Pids;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A host Docker Engine answering on {@code /var/run/docker.sock}. There is no init system to start it,
 * so setup starts {@code dockerd} itself when nothing answers, logging to a file; an engine that already
 * answers (a teammate's, or an earlier setup's) is left alone.
 */
public final class HostDockerStep implements SetupStep {

    /** The socket of the host engine. */
    public static final Path SOCKET = Path.of("/var/run/docker.sock");
    private static final Path PID_FILE = Path.of("/var/run/docker.pid");
    private static final Path CONTAINERD_PID_FILE = Path.of("/var/run/docker/containerd/containerd.pid");
    /** PATH for daemons: the CRIU in /usr/local/sbin comes first. */
    public static final String DAEMON_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final CommandRunner runner;
    private final SetupPaths paths;
    private final Consumer<String> out;
    private final DockerProbe probe;

    public HostDockerStep(CommandRunner runner, SetupPaths paths, Consumer<String> out) {
        this.runner = runner;
        this.paths = paths;
        this.out = out;
        this.probe = new DockerProbe(runner);
    }

    @Override
    public String title() {
        return "host Docker Engine on " + SOCKET;
    }

    @Override
    public boolean isDone() {
        return probe.serverVersion(SOCKET).isPresent();
    }

    @Override
    public String apply() {
        Path log = paths.logDir().resolve("dockerd.log");
        Pids.live(PID_FILE, "dockerd").ifPresent(running -> {
            throw new SetupException("a dockerd (pid " + running.pid() + ") runs but does not answer on " + SOCKET
                    + ": stop it (kill " + running.pid() + ") and run setup again");
        });
        removeStale(PID_FILE, "dockerd");
        removeStale(CONTAINERD_PID_FILE, "containerd");
        out.accept("    starting dockerd (log: " + log + ")");
        long pid = runner.startDetached(Command.of(List.of("dockerd")).withEnv("PATH", DAEMON_PATH), log);
        boolean up = Wait.until(Duration.ofSeconds(90), Duration.ofMillis(300),
                () -> probe.serverVersion(SOCKET).isPresent() || ProcessHandle.of(pid).isEmpty());
        if (probe.serverVersion(SOCKET).isEmpty()) {
            throw new SetupException((up ? "dockerd exited at once" : "dockerd did not answer on " + SOCKET
                    + " within 90 s") + "; its log " + log + " ends with: " + tail(log));
        }
        return "started dockerd (pid " + pid + ", log " + log + ")";
    }

    /**
     * Removes the pid file of a daemon that died without cleaning up. dockerd refuses to start while its pid file names
     * any live process or thread (a recycled pid), and waits on a dead containerd whose pid file is still there.
     */
    private void removeStale(Path pidFile, String daemon) {
        if (Pids.live(pidFile, daemon).isPresent()) {
            return;
        }
        try {
            if (Files.deleteIfExists(pidFile)) {
                out.accept("    removed the stale " + pidFile + " (its daemon is gone)");
            }
        } catch (IOException e) {
            throw new SetupException("cannot remove the stale " + pidFile + ": " + e.getMessage() + "; delete it by hand");
        }
    }

    @Override
    public String verify() {
        String version = probe.serverVersion(SOCKET).orElseThrow(() -> new SetupException(
                "no Docker Engine answers on " + SOCKET + ": start dockerd (see " + paths.logDir() + "/dockerd.log)"));
        if (!probe.experimental(SOCKET)) {
            return "Engine " + version + " answers, but WITHOUT experimental features (no checkpoints):"
                    + " it was started before daemon.json said so; stop that dockerd and run setup again";
        }
        return "Engine " + version + " answers, experimental features on";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}

package io.mecmig.testbed;

import io.mecmig.testbed.TestbedLayout.HostPlan;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.Wait;
import io.mecmig.testbed.setup.HostDockerStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One host's Docker Engine: a dockerd inside the host's network namespace, with its own data root,
 * exec root (and so its own containerd, whose shims inherit the namespace), socket, pid file,
 * containerd namespaces, container cgroup parent and bridge subnet, so the hosts share nothing.
 * Besides its unix socket it serves the Engine API over mutual TLS on its management address, port
 * {@value DockerTlsCerts#PORT}, as a remote MEC host would ({@code dockerd --tlsverify}).
 */
final class HostDockerd {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Containers get this long to stop when their dockerd stops (the testbed is being torn down). */
    static final int CONTAINER_STOP_SECONDS = 3;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final CommandRunner runner;
    private final HostPlan plan;
    private final HostFiles files;
    private final DockerProbe probe;
    private final Path tls;

    /**
     * @param tls the server's TLS folder (ca.pem, cert.pem, key.pem), or {@code null} when only stopping or
     *            probing this dockerd
     */
    HostDockerd(CommandRunner runner, HostPlan plan, HostFiles files, Path tls) {
        this.runner = runner;
        this.plan = plan;
        this.files = files;
        this.probe = new DockerProbe(runner);
        this.tls = tls;
    }

    HostDockerd(CommandRunner runner, HostPlan plan, HostFiles files) {
        this(runner, plan, files, null);
    }

    /** The engine's version when it answers. */
    Optional<String> version() {
        return probe.serverVersion(files.dockerSocket());
    }

    /**
     * Starts dockerd unless it answers already with this testbed's options and TLS files; returns at once (see
     * {@link #awaitAnswering()}). One started with other options (by an older mecmig), or before its server
     * certificate was renewed, is restarted.
     */
    boolean startIfNeeded() {
        boolean configChanged = writeConfig();
        Optional<ProcessHandle> running = Pids.live(files.dockerPidFile(), files.dockerSocket().toString());
        if (version().isPresent() && (running.isEmpty() || current(running.get()))) {
            if (configChanged) {
                reload();
            }
            return false;
        }
        // A dockerd that does not answer (hung, or half dead), or runs with outdated options, and its containerd go first.
        running.ifPresent(p -> Pids.stop(p, Duration.ofSeconds(20)));
        Pids.live(files.dockerExecRoot().resolve("containerd/containerd.pid"), "containerd")
                .ifPresent(p -> Pids.stop(p, Duration.ofSeconds(10)));
        try {
            Files.deleteIfExists(files.dockerPidFile());
            Files.deleteIfExists(files.dockerSocket());
            // A containerd killed with its dockerd can stay a zombie until init reaps it; dockerd would take its
            // pid file for a live containerd and wait on its dead socket forever. Without the file it starts one.
            Files.deleteIfExists(files.dockerExecRoot().resolve("containerd/containerd.pid"));
            Files.deleteIfExists(files.dockerExecRoot().resolve("containerd/containerd.sock"));
            Files.createDirectories(files.dockerDataRoot());
            Files.createDirectories(files.dockerExecRoot());
        } catch (IOException e) {
            throw new TestbedException("cannot prepare " + files.runDir() + " for dockerd: " + e.getMessage());
        }
        runner.startDetached(Netns.in(plan.name(), command()).withEnv("PATH", HostDockerStep.DAEMON_PATH),
                files.dockerLog());
        return true;
    }

    /**
     * Writes the host's {@code daemon.json} (and installs the restoring runtime it names) unless it is there
     * already as it should be; returns whether it changed. Our own config file: the machine's
     * {@code /etc/docker/daemon.json} (hosts, bridge...) must not leak in.
     */
    private boolean writeConfig() {
        RestoringRuntime.install();
        String config = "{\n  \"experimental\": true,\n  " + RestoringRuntime.daemonJsonMember() + "\n}\n";
        try {
            Files.createDirectories(files.dockerConfig().getParent());
            if (Files.isRegularFile(files.dockerConfig()) && Files.readString(files.dockerConfig()).equals(config)) {
                return false;
            }
            Files.writeString(files.dockerConfig(), config);
            return true;
        } catch (IOException e) {
            throw new TestbedException("cannot write " + files.dockerConfig() + ": " + e.getMessage());
        }
    }

    /** Makes a running dockerd read its {@code daemon.json} again (SIGHUP: runtimes are reloadable). */
    private void reload() {
        Pids.live(files.dockerPidFile(), files.dockerSocket().toString()).ifPresent(p ->
                runner.run(Command.of("kill", "-HUP", Long.toString(p.pid()))));
    }

    /** Waits until the engine answers. */
    void awaitAnswering() {
        if (!Wait.until(START_TIMEOUT, Duration.ofMillis(250), () -> version().isPresent())) {
            throw new TestbedException("the dockerd of " + plan.name() + " did not answer on " + files.dockerSocket()
                    + " within " + START_TIMEOUT.toSeconds() + " s; see " + files.dockerLog()
                    + " (last lines: " + tail(files.dockerLog()) + ")");
        }
    }

    /**
     * Kills the running containers at once (SIGKILL): dockerd itself would give each its own stop
     * timeout (10 s by default), and the testbed is going away anyway. Their state stays on disk.
     */
    void killContainers() {
        if (version().isEmpty()) {
            return;
        }
        String ids = runner.run(docker("ps", "-q")).stdout().strip();
        if (!ids.isEmpty()) {
            runner.run(docker("kill").with(ids.split("\\s+")));
        }
    }

    private Command docker(String... args) {
        return Command.of("docker", "-H", "unix://" + files.dockerSocket()).with(args).withTimeout(Duration.ofSeconds(30));
    }

    /** Asks dockerd to stop (it stops its containers and its containerd first); see {@link #awaitStopped()}. */
    void requestStop() {
        Pids.live(files.dockerPidFile(), files.dockerSocket().toString()).ifPresent(ProcessHandle::destroy);
    }

    /** Waits for a stopping dockerd, killing it when it takes too long. */
    void awaitStopped() {
        Pids.live(files.dockerPidFile(), files.dockerSocket().toString()).ifPresent(p -> Pids.stop(p, STOP_TIMEOUT));
    }

    /** Whether the running dockerd has this testbed's options and has read its current certificate. */
    private boolean current(ProcessHandle dockerd) {
        if (!Pids.commandLine(dockerd.pid()).strip().equals(String.join(" ", command().argv()))) {
            return false;
        }
        if (tls == null) {
            return true;
        }
        try {
            // A process's start time is known to about a second only: a certificate counts as newer past a margin.
            var started = dockerd.info().startInstant();
            return started.isEmpty() || Files.getLastModifiedTime(tls.resolve("cert.pem")).toInstant()
                    .isBefore(started.get().plusSeconds(5));
        } catch (IOException e) {
            return false;
        }
    }

    Command command() {
        Command plain = plainCommand();
        return tls == null ? plain : plain.with("--tlsverify",
                "--tlscacert", tls.resolve("ca.pem").toString(),
                "--tlscert", tls.resolve("cert.pem").toString(),
                "--tlskey", tls.resolve("key.pem").toString(),
                "-H", "tcp://" + plan.hostAddress() + ":" + DockerTlsCerts.PORT);
    }

    private Command plainCommand() {
        return Command.of(List.of("dockerd",
                "--config-file", files.dockerConfig().toString(),
                "--data-root", files.dockerDataRoot().toString(),
                "--exec-root", files.dockerExecRoot().toString(),
                "--pidfile", files.dockerPidFile().toString(),
                "-H", "unix://" + files.dockerSocket(),
                "--bip", plan.bridgeCidr(),
                "--shutdown-timeout", String.valueOf(CONTAINER_STOP_SECONDS),
                "--cgroup-parent", "/" + Leftovers.cgroupParent(plan.name()),
                // Separate containerd namespaces even if a system containerd were shared.
                "--containerd-namespace", "mecmig-" + plan.name(),
                "--containerd-plugins-namespace", "mecmig-" + plan.name() + "-plugins"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "no log";
        }
    }
}

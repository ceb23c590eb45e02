package io.mecmig.docker;

import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.RemoteCommandException;
import io.mecmig.docker.ssh.RemoteGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A gate in front of one OCI runtime command of one container, so that dockerd can set a container up ahead of time
 * and its process runs only when the orchestrator says so. dockerd's {@code docker start} does the OCI {@code create}
 * (namespaces, mounts, cgroups, runc's init waiting) and then the OCI {@code start} (the process execs) in one call;
 * on a host whose container runs with the OCI runtime {@value #RUNTIME} (mecmig's {@code runc-restore}, which the
 * testbed installs), a FIFO {@value #GATES}{@code /<container id>.<start|restore>} holds that command (or, for
 * {@link Stage#RESTORE}, the CRIU that its {@code runc restore} starts) until one line
 * comes through it: {@code go} lets it run, anything else, the FIFO's end or the runtime's own time-out (60 s) fails it,
 * and so the {@code docker start} waiting on it. The gate is one shot: the runtime removes it, and later starts of the
 * container run plainly.
 *
 * <p>Use, all before the downtime but {@link #open()}:
 * <pre>{@code
 * try (StartGate gate = StartGate.arm(host, containerId, StartGate.Stage.START, bound)) {
 *     CompletableFuture<Void> started = host.startAsync(containerId);
 *     gate.awaitHeld(Duration.ofSeconds(30), started);   // dockerd's set-up is done, the runtime waits
 *     ...                                               // downtime: the app stops on the source, its state moves
 *     gate.open();                                      // the process execs; started completes
 *     started.get(...);
 * }   // closing a gate never opened aborts it: the start fails at once
 * }</pre>
 * While the start is held, dockerd holds the container's lock: other calls on it (inspect, stop, remove) wait. Abort
 * the gate and let the start fail ({@link #abort()}) before touching the container.
 *
 * <p>The FIFO is made and written by one command on the host, started over its SSH channel when the gate is armed:
 * it says when the runtime has opened the FIFO (it is then held), and {@link #open()} is one line on that command's
 * input, with no command started then. Should the orchestrator die, the command's input ends, and it aborts the gate.
 */
public final class StartGate implements AutoCloseable {

    /** The runtime, registered under this name in the host's {@code daemon.json}, that holds gated commands. */
    public static final String RUNTIME = "mecmig-restore";
    /** Where the runtime looks for gates, one FIFO per container and command. */
    public static final String GATES = "/run/mecmig/gates";
    /** How long the runtime waits at a gate at most before it fails the command on its own. */
    public static final Duration RUNTIME_WAIT = Duration.ofSeconds(60);
    /** The OCI runtime command a gate holds. */
    public enum Stage {
        /** After {@code runc create}, before {@code runc start}: the container is set up, its process not started. */
        START("MECMIG_GATES"),
        /**
         * Inside the {@code runc restore} that the runtime makes of a create when CRIU images are spooled for the
         * container: runc has set the container up, and the CRIU it started for the restore waits before it reads an
         * image (so the images may still be on their way, and complete by the time the gate opens).
         */
        RESTORE("MECMIG_CRIU_GATE");

        /** A word in the runtime's script that only a version with this gate has: an older one would not hold. */
        private final String runtimeMark;

        Stage(String runtimeMark) {
            this.runtimeMark = runtimeMark;
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The command on the host that holds the FIFO's writing end; a test stands in for it with a local process. */
    interface Holder extends AutoCloseable {
        /** What it printed so far. */
        String output();

        /** Whether it has ended. */
        boolean ended();

        /** Writes {@code text} to its input. */
        void write(String text);

        /** Waits at most {@code timeout} for it to end; false if it did not. */
        boolean awaitEnd(Duration timeout);

        /** Lets go of it without ending it: it goes on with what its input holds. */
        void detach();

        /** Ends it, wherever it is. */
        @Override
        void close();
    }

    private final String where;
    private final Holder holder;
    private volatile boolean opened;

    StartGate(String where, Holder holder) {
        this.where = where;
        this.holder = holder;
    }

    /**
     * Whether {@code host}'s dockerd offers {@value #RUNTIME} in a version with gates of {@code stage}: the runtime a
     * gated container must be created with. A host without it starts containers plainly (and the caller does its
     * start in full).
     */
    public static boolean offeredBy(DockerHost host, Stage stage) {
        var runtimes = host.docker().infoCmd().exec().getRuntimes();
        var runtime = runtimes == null ? null : runtimes.get(RUNTIME);
        if (runtime == null || runtime.getPath() == null) {
            return false;
        }
        return host.ssh().run(RemoteCommand.of("grep", "-qs", stage.runtimeMark, runtime.getPath()),
                Duration.ofSeconds(10)).succeeded();
    }

    /**
     * Arms the gate of {@code stage} for container {@code containerId} (its full id) on {@code host}: returns once the
     * FIFO is in place, with its command waiting for the runtime.
     *
     * @param bound how long the gate may live in all (held included); its command ends then, which fails a held start
     * @throws RemoteCommandException if the FIFO could not be made
     */
    public static StartGate arm(DockerHost host, String containerId, Stage stage, Duration bound) {
        requireId(containerId);
        String gate = path(containerId, stage);
        RemoteGroup group = RemoteGroup.start(host.ssh(), script(GATES, containerId, stage), bound);
        StartGate armed = new StartGate(host.name() + ":" + gate, new RemoteHolder(group));
        try {
            armed.awaitOutput("armed", Duration.ofSeconds(10), Optional.empty());
            return armed;
        } catch (RuntimeException e) {
            armed.close();
            throw e;
        }
    }

    /** The FIFO of {@code stage} for container {@code containerId}, on its host. */
    public static String path(String containerId, Stage stage) {
        return GATES + "/" + containerId + "." + stage.word();
    }

    /** A command that removes every gate of container {@code containerId} (a clean-up after a crash). */
    public static RemoteCommand removeAll(String containerId) {
        List<String> argv = new ArrayList<>(List.of("rm", "-f", "--"));
        for (Stage stage : Stage.values()) {
            argv.add(path(containerId, stage));
        }
        return RemoteCommand.of(argv);
    }

    /**
     * Waits until the runtime has reached the gate (it opened the FIFO): the container is set up as far as the stage
     * lets it, and waits.
     *
     * @param call the call that leads to the gate ({@code docker start}); its end before the gate was reached fails this
     * @throws RemoteCommandException if the gate was not reached within {@code timeout}, or {@code call} ended first
     */
    public void awaitHeld(Duration timeout, CompletableFuture<?> call) {
        awaitOutput("held", timeout, Optional.of(call));
    }

    /** Whether the runtime waits at the gate now (or did, if it was opened or aborted since). */
    public boolean reached() {
        return holder.output().contains("held");
    }

    /**
     * Lets the held command run: one line to the gate's waiting command.
     *
     * @throws RemoteCommandException if the gate's command is gone (the held call then fails)
     */
    public void open() {
        holder.write("go\n");
        opened = true;
    }

    /** Fails the held command (and the call waiting on it) at once, or the next one to reach the gate; see {@link #close()}. */
    public void abort() {
        close();
    }

    /**
     * Ends the gate's command; a gate not opened is aborted first. A reached gate gets its {@code abort} and ends by
     * itself. One the runtime has not reached yet keeps its FIFO, with the {@code abort} waiting in its input, so that a
     * start still on its way fails there rather than run plainly; the command ends when that start comes or at its
     * bound, and removes its FIFO then.
     */
    @Override
    public void close() {
        if (!opened) {
            try {
                holder.write("abort\n");
            } catch (RuntimeException e) {
                // its input is gone: it aborts by itself (end of input), or is gone already
            }
            if (!reached()) {
                holder.detach();
                return;
            }
        }
        if (!holder.awaitEnd(Duration.ofSeconds(2))) {
            holder.close();
        }
    }

    private void awaitOutput(String text, Duration timeout, Optional<CompletableFuture<?>> call) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holder.output().contains(text)) {
            if (call.isPresent() && call.get().isDone()) {
                throw new RemoteCommandException("the start of the container gated by " + where
                        + " ended before it reached the gate: " + outcome(call.get()));
            }
            if (holder.ended() || System.nanoTime() > deadline) {
                throw new RemoteCommandException("the gate " + where + " did not report '" + text + "' within "
                        + timeout.toMillis() + " ms" + (holder.ended() ? " (its command ended: '"
                        + holder.output().strip() + "')" : ""));
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteCommandException("interrupted while waiting at the gate " + where, e);
            }
        }
    }

    private static String outcome(CompletableFuture<?> call) {
        try {
            call.getNow(null);
            return "it succeeded, so the process already runs: the container's runtime holds no gate (create it with "
                    + RUNTIME + ", and update that runtime on its host: ./mecmig testbed up installs it)";
        } catch (RuntimeException e) {
            return "it failed: " + (e.getCause() == null ? e : e.getCause()).getMessage();
        }
    }

    /**
     * The gate's waiting command, as a {@code bash} line: makes the FIFO, prints "armed", opens the FIFO for writing
     * (which blocks until the runtime opens it for reading: then it prints "held" and removes the FIFO's name, so that
     * no later call finds it), reads one line from its input ({@code abort} if the input ends: the orchestrator is
     * gone) and writes it into the FIFO. Killed, it removes the FIFO it made.
     */
    static String script(String gates, String containerId, Stage stage) {
        return "f=" + RemoteCommand.quote(gates + "/" + containerId + "." + stage.word()) + "; mkdir -p "
                + RemoteCommand.quote(gates) + " && rm -f \"$f\" && mkfifo -m 600 \"$f\" || exit 3; "
                + "trap 'rm -f \"$f\"' EXIT; trap 'exit 1' TERM INT HUP; echo armed; "
                + "exec 3> \"$f\"; rm -f \"$f\"; echo held; "
                + "read -r word || word=abort; printf '%s\\n' \"$word\" >&3; echo sent=$word";
    }

    /** The gate's command on a host, through the host's SSH channel. */
    private record RemoteHolder(RemoteGroup group) implements Holder {
        @Override
        public String output() {
            return group.running().output();
        }

        @Override
        public boolean ended() {
            return group.running().ended();
        }

        @Override
        public void write(String text) {
            group.running().write(text);
        }

        @Override
        public boolean awaitEnd(Duration timeout) {
            try {
                group.await(timeout);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void detach() {
            group.running().close();
        }

        @Override
        public void close() {
            group.close();
        }
    }

    @Override
    public String toString() {
        return "gate " + where + (opened ? " (opened)" : reached() ? " (held)" : "");
    }

    static String requireId(String containerId) {
        Objects.requireNonNull(containerId, "containerId");
        if (!containerId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("'" + containerId + "' is not a full container id: the runtime knows"
                    + " a container by its 64-digit id (docker inspect --format '{{.Id}}' NAME)");
        }
        return containerId;
    }
}

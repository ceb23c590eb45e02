package io.mecmig.docker.ssh;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command started on a host that waits there (a listener, a sender waiting for a go-ahead) and may have to be ended
 * with everything it started: its line first prints its process group ("pgid=N"), which {@link #close()} kills.
 * Closing the SSH session alone ends none of them: a command without a terminal gets no hang-up.
 *
 * <p>The command runs under {@link RemoteCommand#bounded}, whose {@code timeout} makes a process group of its own,
 * so the group is the command's and nothing else's; the bound ends it too, should this side be gone.
 */
public final class RemoteGroup implements AutoCloseable {

    private static final Pattern PGID = Pattern.compile("pgid=(\\d+)");

    private final SshChannel ssh;
    private final SshChannel.Running running;
    /** Set once the command has ended: its group id may belong to other processes by then. */
    private volatile boolean ended;

    private RemoteGroup(SshChannel ssh, SshChannel.Running running) {
        this.ssh = ssh;
        this.running = running;
    }

    /**
     * Starts {@code script} (a {@code bash} line) on the host, bounded by {@code bound}, its process group printed
     * before anything else; returns at once.
     */
    public static RemoteGroup start(SshChannel ssh, String script, Duration bound) {
        String line = "read -r _ _ _ _ g _ < /proc/$$/stat; echo pgid=$g; " + script;
        return new RemoteGroup(ssh, ssh.start(RemoteCommand.of("bash", "-c", line).bounded(bound.toSeconds())));
    }

    /** The running command, to read its output, write its input or await its end. */
    public SshChannel.Running running() {
        return running;
    }

    /** Waits for the command to end (see {@link SshChannel.Running#await}); it then needs no {@link #close()}. */
    public CommandResult await(Duration timeout) {
        CommandResult result = running.await(timeout); // throws, and leaves the group to close(), if it did not end
        ended = true;
        return result;
    }

    /** Kills the command's process group (unless it ended), then closes its session. */
    @Override
    public void close() {
        Matcher m = PGID.matcher(running.output());
        try {
            if (!ended && m.find()) {
                ssh.run(RemoteCommand.of("kill", "--", "-" + m.group(1)), Duration.ofSeconds(5));
            }
        } catch (RuntimeException ignored) {
            // the command's own time bound ends it anyway
        } finally {
            ended = true;
            running.close();
        }
    }
}

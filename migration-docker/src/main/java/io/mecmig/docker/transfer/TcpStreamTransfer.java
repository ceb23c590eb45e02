package io.mecmig.docker.transfer;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Transfer;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.RemoteCommandException;
import io.mecmig.docker.ssh.SshChannel;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's {@code dd | nc}: a file sent as a raw TCP stream over the migration link, with no encryption
 * and no SSH handshake. A listener ({@code nc -l}) is started on the receiver's link address first; once it
 * listens, {@code dd | nc -N} runs on the sender. The bytes counted are those the receiver wrote; a count
 * that differs from the file's size (a cut link, a killed listener) fails the transfer.
 */
public final class TcpStreamTransfer {

    private static final Pattern PID = Pattern.compile("pid=(\\d+)");
    private static final Pattern RECEIVED = Pattern.compile("received=(\\d+)");

    private TcpStreamTransfer() {
    }

    /**
     * Streams {@code file} on {@code from} into {@code dest} on {@code to}.
     *
     * @param what a label for the report, for example {@code volume uspa-data}
     */
    public static Transfer send(DockerHost from, String file, DockerHost to, String dest, String what, LinkProfile link) {
        return send(from, file, to, dest, what, link, false);
    }

    /**
     * As {@link #send}, then removes {@code file} from {@code from}, sent or not, in the same command as the send (no
     * extra round trip in the downtime): for a temporary copy, such as a volume tarball, that no rollback needs, which
     * would otherwise stay in the sender's work dir after every migration.
     */
    public static Transfer move(DockerHost from, String file, DockerHost to, String dest, String what, LinkProfile link) {
        return send(from, file, to, dest, what, link, true);
    }

    private static Transfer send(DockerHost from, String file, DockerHost to, String dest, String what, LinkProfile link,
                                 boolean remove) {
        long bytes = from.fileSize(file);
        Duration timeout = TransferTimeouts.forBytes(bytes, link);
        int port = ThreadLocalRandom.current().nextInt(40_000, 50_000);
        long start = System.nanoTime();
        SshChannel.Running receiver = to.ssh().start(listener(to.linkAddress(), port, dest).bounded(timeout.toSeconds() + 5));
        try {
            receiver.awaitOutput("listening", Duration.ofSeconds(10));
            RemoteCommand sender = RemoteCommand.of("dd", "if=" + file, "bs=64k", "status=none")
                    .pipe(RemoteCommand.of("nc", "-N", "-w", "5", to.linkAddress(), String.valueOf(port)));
            if (remove) {
                sender = removingAfter(sender, file);
            }
            CommandResult sent = from.ssh().run(sender.bounded(timeout.toSeconds()), timeout.plusSeconds(5));
            if (!sent.succeeded()) {
                throw new RemoteCommandException("dd | nc from " + from.name() + " to " + to.linkAddress() + ":" + port
                        + " failed (exit " + sent.exitStatus() + (sent.stderr().isBlank() ? "" : ", " + sent.stderr().strip())
                        + "): is the link between the hosts up?");
            }
            CommandResult received = receiver.await(Duration.ofSeconds(15));
            long got = received(received);
            if (got != bytes) {
                throw new RemoteCommandException("nc on " + to.name() + " received " + got + " of " + bytes + " bytes of "
                        + what + ": the stream was cut");
            }
            return new Transfer(what, "tcp stream (dd | nc)", got, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            stopListener(to, receiver);
            throw e;
        }
    }

    /** {@code command}, then {@code rm -f file} whatever it did; the exit status stays the command's. */
    static RemoteCommand removingAfter(RemoteCommand command, String file) {
        return RemoteCommand.of("sh", "-c", command.line() + "; rc=$?; rm -f -- " + RemoteCommand.quote(file) + "; exit $rc");
    }

    /** {@code nc -l} in the background, then "listening" once the port is bound, then the byte count. */
    static RemoteCommand listener(String address, int port, String dest) {
        String nc = RemoteCommand.of("nc", "-l", "-s", address, "-p", String.valueOf(port)).into(dest).line();
        String script = nc + " & pid=$!; echo pid=$pid; i=0; "
                + "while ! ss -Hltn " + RemoteCommand.quote("sport = :" + port) + " | grep -q .; do "
                + "i=$((i+1)); if [ $i -gt 2000 ] || ! kill -0 $pid 2>/dev/null; then echo 'nc did not listen' >&2; exit 3; fi; "
                + "sleep 0.005; done; echo listening; wait $pid; rc=$?; "
                + "echo received=$(stat -c %s " + RemoteCommand.quote(dest) + "); exit $rc";
        return RemoteCommand.of("sh", "-c", script);
    }

    private static long received(CommandResult result) {
        Matcher m = RECEIVED.matcher(result.stdout());
        if (result.exitStatus() != 0 || !m.find()) {
            throw new RemoteCommandException("the nc listener ended with exit " + result.exitStatus() + ": "
                    + result.stderr().strip());
        }
        return Long.parseLong(m.group(1));
    }

    /** Ends the listener's nc by its pid (closing the session alone does not end a background job). */
    private static void stopListener(DockerHost to, SshChannel.Running receiver) {
        long pid = pidOf(receiver.output());
        try {
            if (pid > 0) {
                to.ssh().run(RemoteCommand.of("kill", String.valueOf(pid)), Duration.ofSeconds(5));
            }
        } catch (RuntimeException ignored) {
            // the listener's own time bound ends it anyway
        } finally {
            receiver.close();
        }
    }

    /** The listener's nc pid from its first output line (for tests and diagnostics). */
    static long pidOf(String stdout) {
        Matcher m = PID.matcher(stdout);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}

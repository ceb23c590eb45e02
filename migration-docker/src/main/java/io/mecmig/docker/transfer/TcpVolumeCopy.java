package io.mecmig.docker.transfer;

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
 * A Docker volume copied as one raw TCP stream, the paper's {@code tar} and {@code dd | nc} without the tarball on
 * the source and with a single command on each host:
 * <ol>
 *   <li>{@link #listen}: before the app stops, the target starts a receiver ({@code nc -l} into a file in its work
 *       dir) and keeps it waiting;</li>
 *   <li>{@link Receiver#receive}: one command on the source streams {@code tar} of the volume's mountpoint into it,
 *       printing the volume's size and the stream's {@code cksum}; the receiver reports how many bytes it wrote;</li>
 *   <li>{@link Receiver#unpack}: the same receiver command is handed the source's sum on its standard input, checks its
 *       file against it and only then replaces the target volume's content with it, and removes the file.</li>
 * </ol>
 * The sum travels over SSH, apart from the data: a copy damaged on the link or on the target's disk fails
 * {@link Receiver#unpack} with a {@link ChecksumMismatchException} and the volume is left untouched.
 */
public final class TcpVolumeCopy {

    /** The receiver's exit status when no sum came (its input closed: the migration gave up on it). */
    static final int NO_SUM = 67;
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");
    private static final Pattern RECEIVED = Pattern.compile("received=(\\d+)");
    private static final Pattern SIZE = Pattern.compile("size=(\\d+)");
    private static final Pattern SUM = Pattern.compile("sum=(\\d+ \\d+)");
    private static final Pattern MISMATCH = Pattern.compile("mismatch=(\\d+ \\d+)");

    private TcpVolumeCopy() {
    }

    /**
     * Starts the receiver on {@code to} and returns once it listens on {@code to}'s link address.
     *
     * @param mountpoint the target volume's folder on {@code to}, whose content the copy replaces
     * @param file where the stream lands on {@code to} until it is checked and unpacked
     * @param bound how long the receiver may live in all, from now until it has unpacked the copy
     * @throws RemoteCommandException if it does not listen within 10 s
     */
    public static Receiver listen(DockerHost to, String mountpoint, String file, Duration bound) {
        int port = ThreadLocalRandom.current().nextInt(40_000, 50_000);
        SshChannel.Running running = to.ssh().start(receiverScript(to.linkAddress(), port, file, mountpoint)
                .bounded(bound.toSeconds()));
        Receiver receiver = new Receiver(to, port, file, running);
        try {
            running.awaitOutput("listening", Duration.ofSeconds(10));
            return receiver;
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    /**
     * What the source sent.
     *
     * @param transfer the stream, for the report: the bytes the receiver wrote and the time until it had them all
     * @param sum the stream's sum, taken by the source as it sent it
     * @param contentSize bytes of the volume's files ({@code du -sb})
     */
    public record Sent(Transfer transfer, Checksums.Sum sum, long contentSize) {
    }

    /** A receiver waiting on the target; {@link #close()} ends it wherever it is. */
    public static final class Receiver implements AutoCloseable {

        private final DockerHost to;
        private final int port;
        private final String file;
        private final SshChannel.Running running;
        /** Set once the receiver command has ended: its nc's pid may belong to another process by then. */
        private volatile boolean ended;

        private Receiver(DockerHost to, int port, String file, SshChannel.Running running) {
            this.to = to;
            this.port = port;
            this.file = file;
            this.running = running;
        }

        /** The port it listens on, on the target's link address. */
        public int port() {
            return port;
        }

        /** Where the stream lands on the target until it is unpacked. */
        public String file() {
            return file;
        }

        /**
         * Streams {@code tar} of {@code mountpoint} on {@code from} into this receiver, in one command on {@code from},
         * and returns once the receiver has written all of it.
         *
         * @param what a label for the report, for example {@code volume uspa-data}
         * @param timeout how long the sender may take ({@link TransferTimeouts#forBytes} of the volume's size)
         * @throws RemoteCommandException if the sender failed (a cut link) or the receiver got fewer bytes than sent
         */
        public Sent receive(DockerHost from, String mountpoint, String what, Duration timeout) {
            long start = System.nanoTime();
            CommandResult sent = from.ssh().run(senderScript(mountpoint, to.linkAddress(), port)
                    .bounded(timeout.toSeconds()), timeout.plusSeconds(5));
            if (!sent.succeeded()) {
                throw new RemoteCommandException("tar | nc of " + what + " from " + from.name() + " to "
                        + to.linkAddress() + ":" + port + " failed (exit " + sent.exitStatus()
                        + (sent.stderr().isBlank() ? "" : ", " + sent.stderr().strip())
                        + "): is the link between the hosts up?");
            }
            Checksums.Sum sum = Checksums.Sum.parse(group(SUM, sent.stdout(), "the stream's cksum", from));
            long contentSize = Long.parseLong(group(SIZE, sent.stdout(), "the volume's size (du -sb)", from));
            long got = Long.parseLong(running.awaitLine(RECEIVED, Duration.ofSeconds(15)));
            if (got != sum.size()) {
                throw new RemoteCommandException("nc on " + to.name() + " received " + got + " of " + sum.size()
                        + " bytes of " + what + ": the stream was cut");
            }
            return new Sent(new Transfer(what, "tcp stream (tar | nc)", got, Duration.ofNanos(System.nanoTime() - start)),
                    sum, contentSize);
        }

        /**
         * Hands the receiver the sum the source took; it checks its file against it and, if they match, replaces the
         * target volume's content with the copy and removes the file.
         *
         * @param what what the copy is, for the message, for example {@code volume uspa-data}
         * @throws ChecksumMismatchException if the copy is damaged; the volume was left as it was
         * @throws RemoteCommandException if the check or the untar failed otherwise
         */
        public void unpack(Checksums.Sum expected, String what, Duration timeout) {
            running.write(expected.text() + "\n");
            CommandResult result;
            try {
                result = running.await(timeout);
            } finally {
                ended = true;
            }
            if (result.exitStatus() == Checksums.MISMATCH) {
                throw new ChecksumMismatchException("checksum mismatch: " + file + " (" + what + ") on " + to.name()
                        + " has " + Checksums.Sum.parse(group(MISMATCH, result.stdout(), "the copy's cksum", to))
                        + ", the source sent " + expected
                        + ": the copy was damaged on the link or on the target's disk and was not used");
            }
            if (!result.succeeded()) {
                throw new RemoteCommandException("on " + to.name() + ", unpacking " + what + " from " + file
                        + " exited with " + result.exitStatus() + ": "
                        + (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip());
            }
        }

        /** Ends the receiver's nc by its pid, then the command (closing the session alone leaves a background nc). */
        @Override
        public void close() {
            Matcher m = PID.matcher(running.output());
            try {
                if (!ended && m.find()) {
                    to.ssh().run(RemoteCommand.of("kill", m.group(1)), Duration.ofSeconds(5));
                }
            } catch (RuntimeException ignored) {
                // the receiver's own time bound ends it anyway
            } finally {
                running.close();
            }
        }
    }

    private static String group(Pattern pattern, String out, String what, DockerHost host) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new RemoteCommandException(what + " is missing from the output on " + host.name() + ": '"
                    + out.strip() + "'");
        }
        return m.group(1);
    }

    /**
     * The receiver, as one {@code sh} line: {@code nc -l} in the background into {@code file}, "pid=" and "listening"
     * once the port is bound, "received=N" once the stream ended; then it reads the source's sum ({@code CRC SIZE})
     * from its standard input, exits with {@link Checksums#MISMATCH} printing "mismatch=" its own if they differ, and
     * otherwise empties the volume (what docker copied into it from the image must not mix with the source's copy),
     * untars the copy into it and removes the file.
     */
    static RemoteCommand receiverScript(String address, int port, String file, String mountpoint) {
        String f = RemoteCommand.quote(file);
        String m = RemoteCommand.quote(mountpoint);
        String nc = RemoteCommand.of("nc", "-l", "-s", address, "-p", String.valueOf(port)).into(file).line();
        return RemoteCommand.of("sh", "-c", nc + " & pid=$!; echo pid=$pid; i=0; "
                + "while ! ss -Hltn " + RemoteCommand.quote("sport = :" + port) + " | grep -q .; do "
                + "i=$((i+1)); if [ $i -gt 2000 ] || ! kill -0 $pid 2>/dev/null; then echo 'nc did not listen' >&2; exit 3; fi; "
                + "sleep 0.005; done; echo listening; wait $pid; rc=$?; "
                + "echo received=$(stat -c %s " + f + "); [ $rc -eq 0 ] || exit $rc; "
                + "read expected || { echo 'no sum came from the source' >&2; exit " + NO_SUM + "; }; "
                + "s=$(cksum < " + f + ") || exit 66; "
                + "if [ \"$s\" != \"$expected\" ]; then echo mismatch=$s; exit " + Checksums.MISMATCH + "; fi; "
                + "find " + m + " -mindepth 1 -delete && tar -C " + m + " -xpf " + f + " && rm -f -- " + f);
    }

    /**
     * The sender, as one {@code bash} line (pipefail): "size=" the volume's content size, then {@code tar} of
     * {@code mountpoint} through {@code tee} into {@code nc}, the copy tee makes summed by {@code cksum} ("sum=CRC
     * SIZE"). The sum's line comes from a process substitution, onto the command's own output (fd 3: its standard output
     * would be tee's, the stream); that holds the command's output open, so over SSH the output ends only after it.
     */
    static RemoteCommand senderScript(String mountpoint, String address, int port) {
        String m = RemoteCommand.quote(mountpoint);
        return RemoteCommand.of("bash", "-c", "set -o pipefail; s=$(du -sb " + m + ") || exit 4; echo size=${s%%[[:space:]]*}; "
                + "exec 3>&1; tar -C " + m + " -cf - . | tee >(printf 'sum=%s\\n' \"$(cksum)\" >&3) | "
                + RemoteCommand.of("nc", "-N", "-w", "5", address, String.valueOf(port)).line());
    }
}

package io.mecmig.docker.transfer;

import io.mecmig.core.Transfer;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.RemoteCommandException;
import io.mecmig.docker.ssh.RemoteGroup;
import io.mecmig.docker.ssh.SshChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker volume copied as one raw TCP stream, the paper's {@code tar} and {@code dd | nc} with no tarball on the
 * source and no command started on either host while the app is down:
 * <ol>
 *   <li>{@link #listen}: before the app stops, the target starts a receiver, which empties the target volume (what
 *       docker copied into it from the image must not mix with the copy) and waits with {@code nc -l} on its link
 *       address;</li>
 *   <li>{@link #sendAfterExit}: also before the stop, the source starts a sender, connected to the receiver; told to
 *       stop the app ({@link Sender#stop()}), it signals the app's process from the host, waits for it to exit
 *       ({@code tail --pid}), says so, and then waits for a go-ahead on its input;</li>
 *   <li>{@link Receiver#receive}: the go-ahead; the sender streams {@code tar} of the volume's mountpoint into the
 *       receiver through {@code nc}, summing it with {@code cksum} as it goes, and prints the sum; the receiver
 *       reports how many bytes it wrote;</li>
 *   <li>{@link Receiver#unpack}: the receiver is handed the source's sum on its input, sums its file right before
 *       using it, and only if they match untars it into the volume.</li>
 * </ol>
 * The sum travels over SSH, apart from the data: a copy damaged on the link or on the target's disk fails
 * {@link Receiver#unpack} with a {@link ChecksumMismatchException}, and nothing of it is unpacked.
 */
public final class TcpVolumeCopy {

    /** The receiver's exit status when no sum came (its input closed: the migration gave up on it). */
    static final int NO_SUM = 67;
    /** What the sender prints once the app's process has exited. */
    public static final Pattern EXITED = Pattern.compile("(exited)");
    private static final Pattern RECEIVED = Pattern.compile("received=(\\d+)");
    private static final Pattern SIZE = Pattern.compile("size=(\\d+)");
    private static final Pattern RC = Pattern.compile("rc=(\\d+)");
    private static final Pattern SUM = Pattern.compile("sum=(\\d+ \\d+)");
    private static final Pattern MISMATCH = Pattern.compile("mismatch=(\\d+ \\d+)");

    private TcpVolumeCopy() {
    }

    /**
     * Starts the receiver on {@code to} and returns once it listens on {@code to}'s link address.
     *
     * @param mountpoint the target volume's folder on {@code to}; it is emptied now, and filled by {@link Receiver#unpack}
     * @param file where the stream lands on {@code to} until it is checked and unpacked
     * @param bound how long the receiver may live in all, from now until it has unpacked the copy
     * @throws RemoteCommandException if it does not listen within 10 s
     */
    public static Receiver listen(DockerHost to, String mountpoint, String file, Duration bound) {
        int port = ThreadLocalRandom.current().nextInt(40_000, 50_000);
        Receiver receiver = new Receiver(to, port, file,
                RemoteGroup.start(to.ssh(), receiverScript(to.linkAddress(), port, file, mountpoint), bound));
        try {
            receiver.group.running().awaitOutput("listening", Duration.ofSeconds(10));
            return receiver;
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    /**
     * Starts, on {@code from}, the sender of {@code mountpoint} to {@code receiver}, connected to it; returns at once.
     * On {@link Sender#stop()} it sends {@code signal} to the app's process {@code pid} of {@code from} ({@link #stopLine}),
     * prints "exited" once that process is gone, then waits for {@link Receiver#receive}'s go-ahead.
     *
     * @param signal the app's stop signal, or empty to leave the stop to Docker alone
     * @param bound how long the sender may live in all, the wait for the exit included
     */
    public static Sender sendAfterExit(DockerHost from, long pid, String signal, String mountpoint, Receiver receiver,
                                       Duration bound) {
        return new Sender(from, RemoteGroup.start(from.ssh(), senderScript(pid, signal, mountpoint,
                receiver.to.linkAddress(), receiver.port, bound.toSeconds()), bound));
    }

    /**
     * What the source sent.
     *
     * @param transfer the stream, for the report: the bytes the receiver wrote and the time until it had them all
     * @param sum the stream's sum, taken by the source as it sent it
     */
    public record Sent(Transfer transfer, Checksums.Sum sum) {
    }

    /** A sender waiting on the source; {@link #close()} ends it wherever it is. */
    public static final class Sender implements AutoCloseable {

        private final DockerHost from;
        private final RemoteGroup group;

        private Sender(DockerHost from, RemoteGroup group) {
            this.from = from;
            this.group = group;
        }

        /**
         * Tells the sender to signal the app's process and watch it exit.
         *
         * @return completes once the sender has seen the process exit; exceptionally if it ended or failed first
         */
        public CompletableFuture<String> stop(Duration timeout) {
            return signalApp(group, timeout);
        }

        /**
         * Waits for the sender's end, after its stream, and returns the volume's content size it measured then
         * ({@code du -sb}, off the stream's path).
         */
        public long contentSize(Duration timeout) {
            CommandResult done = group.await(timeout);
            return Long.parseLong(group(SIZE, done.stdout(), "the volume's size (du -sb)", from));
        }

        @Override
        public void close() {
            group.close();
        }
    }

    /** A receiver waiting on the target; {@link #close()} ends it wherever it is. */
    public static final class Receiver implements AutoCloseable {

        private final DockerHost to;
        private final int port;
        private final String file;
        private final RemoteGroup group;

        private Receiver(DockerHost to, int port, String file, RemoteGroup group) {
            this.to = to;
            this.port = port;
            this.file = file;
            this.group = group;
        }

        /**
         * Gives {@code sender} (whose app has exited) its go-ahead, and returns once this receiver has written all it
         * sent.
         *
         * @param what a label for the report, for example {@code volume uspa-data}
         * @param timeout how long the stream may take ({@link TransferTimeouts#forBytes} of the volume's size)
         * @throws RemoteCommandException if the sender failed (a cut link) or the receiver got fewer bytes than sent
         */
        public Sent receive(Sender sender, String what, Duration timeout) {
            long start = System.nanoTime();
            SshChannel.Running out = sender.group.running();
            out.write("go\n");
            int rc;
            try {
                rc = Integer.parseInt(out.awaitLine(RC, timeout));
            } catch (RemoteCommandException e) {
                throw new RemoteCommandException("the stream of " + what + " from " + sender.from.name() + " to "
                        + to.linkAddress() + ":" + port + " did not end within " + timeout.toSeconds()
                        + " s: is the link between the hosts up? (" + e.getMessage() + ")", e);
            }
            if (rc != 0) {
                throw new RemoteCommandException("tar | nc of " + what + " from " + sender.from.name() + " to "
                        + to.linkAddress() + ":" + port + " failed (exit " + rc + "): is the link between the hosts up?");
            }
            Checksums.Sum sum = Checksums.Sum.parse(out.awaitLine(SUM, Duration.ofSeconds(5)));
            long got = Long.parseLong(group.running().awaitLine(RECEIVED, Duration.ofSeconds(15)));
            if (got != sum.size()) {
                throw new RemoteCommandException("nc on " + to.name() + " received " + got + " of " + sum.size()
                        + " bytes of " + what + ": the stream was cut");
            }
            return new Sent(new Transfer(what, "tcp stream (tar | nc)", got, Duration.ofNanos(System.nanoTime() - start)),
                    sum);
        }

        /**
         * Hands the receiver the sum the source took; it sums its file and, if they match, untars it into the target
         * volume (emptied when it started) and removes the file.
         *
         * @param what what the copy is, for the message, for example {@code volume uspa-data}
         * @throws ChecksumMismatchException if the copy is damaged; nothing of it was unpacked
         * @throws RemoteCommandException if the check or the untar failed otherwise
         */
        public void unpack(Checksums.Sum expected, String what, Duration timeout) {
            group.running().write(expected.text() + "\n");
            CommandResult result = group.await(timeout);
            if (result.exitStatus() == Checksums.MISMATCH) {
                throw new ChecksumMismatchException("checksum mismatch: " + file + " (" + what + ") on " + to.name()
                        + " has " + Checksums.Sum.parse(group(MISMATCH, result.stdout(), "the copy's cksum", to))
                        + ", the source sent " + expected
                        + Checksums.DAMAGED_COPY);
            }
            if (!result.succeeded()) {
                throw new RemoteCommandException("on " + to.name() + ", unpacking " + what + " from " + file
                        + " exited with " + result.exitStatus() + ": "
                        + (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip());
            }
        }

        @Override
        public void close() {
            group.close();
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
     * Tells a waiting {@link #stopLine}, run alone (an app without volumes) or as a sender's first part, to signal the
     * app's process.
     *
     * @return completes once it has seen the process exit; exceptionally if the command ended or failed first
     */
    public static CompletableFuture<String> signalApp(RemoteGroup waiting, Duration timeout) {
        waiting.running().write("stop\n");
        return waiting.running().lineAsync(EXITED, timeout);
    }

    /**
     * A {@code bash} line for the source host that ends the app as {@code docker stop} begins to, but from the host: it
     * waits for a line on its input (the stop step's), sends {@code signal} to the app's process {@code pid} (no
     * signal when {@code signal} is empty: the stop is then Docker's alone), then waits for the process to exit
     * ({@code tail --pid}, which polls every 5 ms and, unlike {@code kill -0}, needs no right to signal it) and prints
     * "exited" ({@link #EXITED}).
     *
     * @param signal a signal name ({@code TERM}) or number, or empty
     */
    public static String stopLine(long pid, String signal) {
        String kill = "";
        if (!signal.isEmpty()) {
            kill = (signal.chars().allMatch(Character::isDigit) ? "kill -n " + signal : "kill -s " + RemoteCommand.quote(signal))
                    + " " + pid + " 2>/dev/null; ";
        }
        return "{ read -r stop || exit 8; " + kill + "tail --pid=" + pid + " -s 0.005 -f /dev/null || exit 5; echo exited; }";
    }

    /**
     * The receiver, as a {@code bash} line: empties {@code mountpoint}; {@code nc -l} in the background, through
     * {@code tee} into {@code file} and {@code cksum}, so that the byte count is known the moment the stream ends, with no
     * process started then; "listening" once the port is bound, "received=N" once the stream ended; then it reads the
     * source's sum ({@code CRC SIZE}) from its input, sums {@code file} as it lies on disk right before using it, exits
     * with {@link Checksums#MISMATCH} printing "mismatch=" that sum if it differs, and otherwise untars the file into
     * the volume and removes it (in the background, holding no output: the command is done once the volume is filled).
     */
    static String receiverScript(String address, int port, String file, String mountpoint) {
        String f = RemoteCommand.quote(file);
        String counted = RemoteCommand.quote(file + ".count");
        String m = RemoteCommand.quote(mountpoint);
        String nc = RemoteCommand.of("nc", "-l", "-s", address, "-p", String.valueOf(port)).line();
        return "find " + m + " -mindepth 1 -delete || exit 7; " + nc + " | tee " + f + " | cksum > " + counted
                + " & pid=$!; i=0; "
                + "while ! ss -Hltn " + RemoteCommand.quote("sport = :" + port) + " | grep -q .; do "
                + "i=$((i+1)); if [ $i -gt 2000 ] || ! kill -0 $pid 2>/dev/null; then echo 'nc did not listen' >&2; exit 3; fi; "
                + "sleep 0.005; done; echo listening; wait $pid; rc=$?; read -r _ n < " + counted + "; "
                + "echo received=$n; [ $rc -eq 0 ] || exit $rc; "
                + "read -r expected || { echo 'no sum came from the source' >&2; exit " + NO_SUM + "; }; "
                + "s=$(cksum < " + f + ") || exit 66; "
                + "if [ \"$s\" != \"$expected\" ]; then echo mismatch=$s; exit " + Checksums.MISMATCH + "; fi; "
                + "tar -C " + m + " -xpf " + f + " || exit $?; { rm -f -- " + f + " " + counted + " >/dev/null 2>&1 & }";
    }

    /**
     * The sender, as a {@code bash} line (pipefail). Its pipeline starts at once, before the stop: {@code nc} connects
     * to the receiver, {@code tee} and {@code cksum} wait; its first part is the {@link #stopLine} of process
     * {@code pid} (a line on its input, {@code signal}, the wait for the exit, "exited"), then it waits for another line
     * and only then runs {@code tar} of {@code mountpoint}: the one process started in the downtime. The copy tee makes is summed ("sum=CRC SIZE", onto the command's own output, fd 3, since
     * tee's output is the stream); "rc=N" is the pipeline's status; "size=N" ({@code du}) comes after the stream, off
     * its path. {@code nc -w} is the sender's whole bound, so that a long stop does not close the idle connection.
     */
    static String senderScript(long pid, String signal, String mountpoint, String address, int port, long boundSeconds) {
        String m = RemoteCommand.quote(mountpoint);
        return "set -o pipefail; exec 3>&1; { " + stopLine(pid, signal) + " >&3; read -r go || exit 8; tar -C " + m + " -cf - .; } | "
                + "tee >(printf 'sum=%s\\n' \"$(cksum)\" >&3) | "
                + RemoteCommand.of("nc", "-N", "-w", String.valueOf(Math.max(5, boundSeconds)), address, String.valueOf(port))
                .line() + "; rc=$?; echo rc=$rc; s=$(du -sb " + m + ") && echo size=${s%%[[:space:]]*}; exit $rc";
    }
}

package io.mecmig.criu;

import io.mecmig.core.Transfer;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.RemoteCommandException;
import io.mecmig.docker.ssh.SshChannel;
import io.mecmig.docker.transfer.ChecksumMismatchException;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final dump and its page delta as one command on the source, so that no round trip from the orchestrator
 * sits between the freeze and the transfer:
 * {@code { runc checkpoint && print its stats && echo go; } | pagedelta make [-z] --wait LOG | dd | ssh target
 * 'pagedelta apply'}. Everything that can start before the freeze does: the delta's sender loads its
 * index and the receiver on the target is up and waiting while CRIU dumps. The sender follows CRIU's log: it sends each
 * page image (nearly all of the dump) as soon as CRIU has closed it, while CRIU still dumps the app's other parts
 * (0.2-0.3 s for ASW), and the receiver rebuilds and checks it meanwhile; the rest goes when the log says every image
 * is closed (CRIU kills the dumped tasks), not when CRIU has seen them die (0.02-0.08 s later) nor when runc exits:
 * runc then still removes the stopped container's cgroups and state (0.05 to 0.1 s here, more under load), while the
 * app is already down; the sender exits non-zero, and the whole command fails, if CRIU or runc does not succeed in
 * the end.
 *
 * <p>The command prints a line when the dump is done, so the report still times the dump and the stream as two
 * steps: {@link #awaitDump} returns at that line (the sender prints it at CRIU's last line, runc's part prints it
 * again when runc exits; the first counts), {@link #awaitImages} when the target has rebuilt and checked the
 * images (its receiver prints a line then), and {@link #awaitEnd} when the whole command has ended: runc on the source
 * may still be cleaning up after CRIU when the images are complete, so the restore need not wait for it, but the
 * relocation still fails, and rolls back, if runc fails in the end.
 * The receiver checks every rebuilt file against the CRC-32 the sender read from the dump, and publishes the image
 * folder only when all match: a damaged copy is never restored, and no separate checksum pass runs in the downtime.
 *
 * <p>Both ends run at a raised CPU priority ({@code nice -n -10}): every millisecond they wait for a core is downtime.
 */
final class FinalDumpStream implements AutoCloseable {

    private static final String DUMPED = "mecmig-dumped ";
    /** Ends the dumped line; base64 has no '-', so it cannot occur inside the stats. */
    private static final String DUMPED_END = " mecmig-dump-end";
    private static final Pattern IMAGE_BYTES = Pattern.compile("pagedelta: read (\\d+) image bytes");
    private static final Pattern MAKE = Pattern.compile("pagedelta: read .* make ([\\d.]+) s");
    private static final Pattern APPLY = Pattern.compile("pagedelta: apply ([\\d.]+) s");
    /** The receiver's line once the images are whole and checked: the delta's bytes as they came, its seconds. */
    private static final Pattern APPLIED = Pattern.compile("mecmig-applied (\\d+) ([\\d.]+)");
    /** Measure: the sender's time from the dump's end to its last byte (reading and encoding the dump), seconds. */
    static final String MAKE_TIME = "delta.make.seconds";
    /** Measure: the receiver's time from the delta's first byte to the checked images, seconds. */
    static final String APPLY_TIME = "delta.apply.seconds";
    private static final String PRIORITY = "nice -n -10 ";

    private final SshChannel.Running running;
    private final DockerHost source;
    private final DockerHost target;
    private final String workDir;
    private final Compression compression;
    private final Duration streamTimeout;
    private long dumpedNanos;

    private FinalDumpStream(SshChannel.Running running, DockerHost source, DockerHost target, String workDir,
                            Compression compression, Duration streamTimeout) {
        this.running = running;
        this.source = source;
        this.target = target;
        this.workDir = workDir;
        this.compression = compression;
        this.streamTimeout = streamTimeout;
    }

    /**
     * Starts the command; the app freezes inside it. The dump's folders must exist and be empty
     * ({@link RuncContainer#prepare}), and the target's {@code out} must not exist.
     *
     * @param imagesDir where the final dump goes on the source (kept there for a rollback)
     * @param base the pre-relocation dump on the source, indexed
     * @param targetBase the target's copy of it
     * @param out where the target's restore reads the images
     */
    static FinalDumpStream start(RuncContainer runc, String imagesDir, String workDir, String base,
                                 DockerHost target, String targetBase, String out, Compression compression,
                                 Duration streamTimeout) {
        DockerHost source = runc.host();
        RemoteCommand dumpThenGo = new RemoteCommand("{ " + runc.checkpoint(imagesDir, workDir, false).line() + " >&2 && "
                + "printf '" + DUMPED + "%s" + DUMPED_END + "\\n' \"$(base64 -w0 " + RemoteCommand.quote(workDir + "/stats-dump")
                + ")\" >&3 && echo " + PageDelta.GO + "; }");
        // The script compresses (and flushes each file) itself: no compressor tool between it and the link.
        RemoteCommand producer = new RemoteCommand("exec 3>&1; " + dumpThenGo.pipe(PageDelta.makeWhenTold(base, imagesDir,
                workDir + "/dump.log", compression == Compression.ZSTD, runc.pid())).line());
        RemoteCommand consumer = new RemoteCommand(PRIORITY + PageDelta.apply(targetBase, out).line());
        String line = LinkStream.line(source, producer, target, consumer, Compression.NONE).line();
        Duration total = RuncContainer.DUMP_TIMEOUT.plus(streamTimeout);
        RemoteCommand command = new RemoteCommand(PRIORITY + RemoteCommand.of("bash", "-c", line).line())
                .bounded(total.toSeconds());
        return new FinalDumpStream(source.ssh().start(command), source, target, workDir, compression, streamTimeout);
    }

    /** Waits until CRIU has dumped the app (it is stopped now) and returns CRIU's figures of the dump. */
    DumpStats awaitDump() {
        try {
            running.awaitOutput(DUMPED_END, RuncContainer.DUMP_TIMEOUT);
        } catch (RemoteCommandException e) {
            // Its message quotes the whole command, the delta's script included: the command's own words say more.
            throw new CheckpointException("runc checkpoint on " + source.name() + " failed: " + whatItSaid()
                    + " (CRIU's log: " + workDir + "/dump.log there)", e);
        }
        dumpedNanos = System.nanoTime();
        String out = running.output();
        int from = out.indexOf(DUMPED) + DUMPED.length();
        return DumpStats.parse(Base64.getDecoder().decode(out.substring(from, out.indexOf(DUMPED_END, from)).strip()));
    }

    /**
     * Waits until the target has rebuilt and checked the images, and returns what crossed the link; the source's runc
     * may still be cleaning up ({@link #awaitEnd}).
     *
     * @throws ChecksumMismatchException if a rebuilt file differs from the dump the source read
     */
    Transfer awaitImages() {
        String line;
        try {
            line = running.awaitLine(APPLIED, streamTimeout.plusSeconds(5));
        } catch (RemoteCommandException e) {
            CommandResult result = running.await(Duration.ofSeconds(5)); // it ended without the images: say why
            throw failure(result.succeeded() ? "the receiver did not say it rebuilt the images" : result.stderr(),
                    result.exitStatus());
        }
        Matcher m = APPLIED.matcher(running.output());
        long bytes = m.find() ? Long.parseLong(m.group(1)) : Long.parseLong(line);
        return new Transfer("checkpoint page delta", compression == Compression.ZSTD ? "ssh stream, zlib"
                : "ssh stream", bytes, Duration.ofNanos(System.nanoTime() - dumpedNanos));
    }

    /**
     * Waits until the whole command has ended (the source's runc included) and returns the figures of the delta.
     *
     * @throws CheckpointException if it failed after the images were complete (runc, after CRIU's dump)
     * @throws ChecksumMismatchException if a rebuilt file differs from the dump the source read
     */
    Sent awaitEnd() {
        CommandResult result = running.await(streamTimeout.plusSeconds(5));
        String err = result.stderr();
        if (!result.succeeded()) {
            throw failure(err, result.exitStatus());
        }
        Matcher m = IMAGE_BYTES.matcher(err);
        long imageBytes = m.find() ? Long.parseLong(m.group(1)) : 0;
        String said = err.lines().filter(l -> l.startsWith("pagedelta: ")).map(l -> l.substring(11))
                .collect(java.util.stream.Collectors.joining("; "));
        return new Sent(imageBytes, seconds(MAKE, err), seconds(APPLY, err), said);
    }

    private RuntimeException failure(String err, int exitStatus) {
        int mismatch = err.indexOf("checksum mismatch: ");
        if (mismatch >= 0) {
            return new ChecksumMismatchException(err.substring(mismatch).lines().findFirst().orElseThrow()
                    + " (on " + target.name() + ")");
        }
        return new CheckpointException("the page delta from " + source.name() + " to " + target.name()
                + " failed (exit " + exitStatus + "): " + err.strip());
    }

    private static double seconds(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The standard error of a command that failed before the dump was done (it ends soon after), or why not. */
    private String whatItSaid() {
        try {
            CommandResult r = running.await(Duration.ofSeconds(5));
            String err = r.stderr().strip();
            return "exit " + r.exitStatus() + (err.isEmpty() ? "" : ": " + err);
        } catch (RemoteCommandException e) {
            return "it printed nothing of the dump within " + RuncContainer.DUMP_TIMEOUT.toSeconds() + " s";
        }
    }

    /** Hangs up on the command if it was not awaited. */
    @Override
    public void close() {
        running.close();
    }

    /**
     * The size of the dump the delta rebuilt, and what sender and receiver said.
     *
     * @param imageBytes the final dump's size on the source
     * @param makeSeconds the sender's own time ({@link #MAKE_TIME}), NaN if it did not say
     * @param applySeconds the receiver's own time ({@link #APPLY_TIME}), NaN if it did not say
     * @param report what sender and receiver said of their work, for the report's notes
     */
    record Sent(long imageBytes, double makeSeconds, double applySeconds, String report) {
    }
}

package io.mecmig.criu;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Transfer;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A producer on the sending host piped over SSH into a consumer on the receiving host, with no file in
 * between: {@code producer [| zstd] | dd | ssh peer 'zstd -d | consumer'}. {@code dd} counts the bytes that
 * go onto the link (after compression); its count is the transfer's size.
 */
final class LinkStream {

    private static final Pattern DD_BYTES = Pattern.compile("(\\d+) bytes");

    private LinkStream() {
    }

    static Transfer send(DockerHost from, RemoteCommand producer, DockerHost to, RemoteCommand consumer,
                         Compression compression, String what, Duration timeout) {
        RemoteCommand line = line(from, producer, to, consumer, compression);
        long start = System.nanoTime();
        CommandResult result = from.exec(RemoteCommand.of("bash", "-c", line.line()).bounded(timeout.toSeconds()),
                timeout.plusSeconds(5));
        return new Transfer(what, kind(compression), bytes(result.stderr()), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The bash line (pipefail set) that runs on {@code from}: {@code producer [| zstd] | dd | ssh to '[zstd -d |]
     * consumer'}; dd's count lands on its standard error ({@link #bytes}).
     */
    static RemoteCommand line(DockerHost from, RemoteCommand producer, DockerHost to, RemoteCommand consumer,
                              Compression compression) {
        RemoteCommand sender = producer;
        if (compression.compressor() != null) {
            sender = sender.pipe(compression.compressor());
        }
        RemoteCommand receiver = compression.decompressor() == null ? consumer : compression.decompressor().pipe(consumer);
        List<String> ssh = new ArrayList<>(List.of("ssh"));
        ssh.addAll(from.linkAccess().sshOptions());
        ssh.addAll(reusedConnection(from));
        ssh.add(from.linkAccess().user() + "@" + to.linkAddress());
        ssh.add(receiver.privately().line()); // the peer's sshd umask would leave received dumps 0644
        return new RemoteCommand("set -o pipefail 2>/dev/null; " + sender
                .pipe(RemoteCommand.of("dd", "bs=64K")) // passes on each read as it comes: no wait for a full block
                .pipe(RemoteCommand.of(ssh)).line());
    }

    /** How a stream of {@code compression} is named in a report. */
    static String kind(Compression compression) {
        return compression == Compression.ZSTD ? "ssh stream, zstd" : "ssh stream";
    }

    /**
     * SSH options that keep the connection to the peer open for a minute after a stream and let the next
     * stream ride it: the pre-relocation stream opens it, and the delta inside the downtime saves the key
     * exchange and login (0.3 to 0.6 s here). The control socket lies in the sending host's own private folder.
     */
    static List<String> reusedConnection(DockerHost from) {
        return List.of("-o", "ControlMaster=auto", "-o", "ControlPersist=60",
                "-o", "ControlPath=" + PageDeltaStrategy.TMPFS + from.name() + "/ssh-%C");
    }

    /** The byte count of dd's summary line. */
    static long bytes(String ddStderr) {
        Matcher m = DD_BYTES.matcher(ddStderr);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        if (last < 0) {
            throw new CheckpointException("the stream's byte count is missing (dd said: " + ddStderr.strip() + ")");
        }
        return last;
    }

    /** Time bound for {@code bytes} on {@code link}: four times the nominal time, at least 30 s. */
    static Duration timeoutFor(long bytes, LinkProfile link) {
        long rate = link.bitsPerSecond() > 0 ? link.bitsPerSecond() : 1_000_000_000L;
        return Duration.ofSeconds(Math.max(30, 4 * bytes * 8 / rate));
    }
}

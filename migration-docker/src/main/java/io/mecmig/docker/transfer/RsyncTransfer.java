package io.mecmig.docker.transfer;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Transfer;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.RemoteCommandException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rsync -a} over SSH from one host to another, run ON the sending host towards the receiver's link
 * address (the paper's transfer of checkpoint files). Only what differs from the receiver's copy is sent;
 * the bytes counted are rsync's own "Total bytes sent".
 */
public final class RsyncTransfer {

    private static final Pattern SENT = Pattern.compile("Total bytes sent:\\s*([\\d,.]+)");

    private RsyncTransfer() {
    }

    /**
     * Syncs {@code sourceDir} on {@code from} into {@code destDir} on {@code to} (both folders; the contents
     * of the first land in the second, files missing at the source are deleted at the destination).
     *
     * @param expectedBytes a size estimate for the time bound
     */
    public static Transfer sync(DockerHost from, String sourceDir, DockerHost to, String destDir, String what,
                                long expectedBytes, LinkProfile link) {
        String ssh = String.join(" ", from.linkAccess().sshOptions().stream().map(RemoteCommand::quote).toList());
        List<String> argv = new ArrayList<>(List.of("rsync", "-a", "--delete", "--stats", "-e", "ssh " + ssh));
        argv.add(sourceDir.endsWith("/") ? sourceDir : sourceDir + "/");
        argv.add(from.linkAccess().user() + "@" + to.linkAddress() + ":" + destDir);
        Duration timeout = TransferTimeouts.forBytes(expectedBytes, link);
        long start = System.nanoTime();
        CommandResult result = from.exec(RemoteCommand.of(argv).bounded(timeout.toSeconds()), timeout.plusSeconds(5));
        return new Transfer(what, "rsync", bytesSent(result.stdout()), Duration.ofNanos(System.nanoTime() - start));
    }

    /** rsync's "Total bytes sent" from its {@code --stats} output. */
    static long bytesSent(String stats) {
        Matcher m = SENT.matcher(stats);
        if (!m.find()) {
            throw new RemoteCommandException("rsync printed no 'Total bytes sent' line: " + stats.strip());
        }
        return Long.parseLong(m.group(1).replace(",", "").replace(".", ""));
    }
}

package io.mecmig.docker.transfer;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Transfer;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's {@code scp}: copies a file from one host's work dir to another's, run ON the sending host
 * towards the receiver's link address, so the bytes cross the migration link and never the orchestrator.
 * The bytes counted are the file's size, which is what scp sends as payload. {@code -O} picks the classic scp
 * protocol the paper used, which needs no SFTP subsystem on the receiving sshd.
 */
public final class ScpTransfer {

    private ScpTransfer() {
    }

    /**
     * Sends {@code file} on {@code from} to {@code dest} on {@code to}.
     *
     * @param what a label for the report, for example {@code image tarball}
     * @return the transfer, timed on the sending host's side from command start to end
     */
    public static Transfer send(DockerHost from, String file, DockerHost to, String dest, String what, LinkProfile link) {
        long bytes = from.fileSize(file);
        List<String> argv = new ArrayList<>(List.of("scp", "-O", "-q", "-B"));
        argv.addAll(from.linkAccess().sshOptions());
        argv.add(file);
        argv.add(from.linkAccess().user() + "@" + to.linkAddress() + ":" + dest);
        Duration timeout = TransferTimeouts.forBytes(bytes, link);
        // Timed by the sending host's own clock, so the orchestrator's SSH round trip to it is not counted as
        // transfer; scp's own connection to the receiver is, as in the paper.
        RemoteCommand timed = new RemoteCommand("s=$(date +%s%N) && " + RemoteCommand.of(argv).line()
                + " && echo $(( $(date +%s%N) - s ))");
        String out = from.exec(timed.bounded(timeout.toSeconds()), timeout.plusSeconds(5)).stdout().strip();
        return new Transfer(what, "scp", bytes, Duration.ofNanos(lastNumber(out)));
    }

    private static long lastNumber(String output) {
        String[] lines = output.split("\\R");
        try {
            return Long.parseLong(lines[lines.length - 1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("scp finished but its timing line is missing: '" + output + "'", e);
        }
    }
}

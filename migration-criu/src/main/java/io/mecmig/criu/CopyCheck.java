package io.mecmig.criu;

import io.mecmig.core.Key;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommandException;
import io.mecmig.docker.ssh.SshChannel;
import io.mecmig.docker.transfer.Checksums;
import java.time.Duration;
import java.util.Map;

/**
 * The sums of a folder the checkpoint strategies move (the final checkpoint, a volume): taken on the source
 * while the folder crosses the link, so that they add no time of their own there, and checked on the target
 * right before the copy is used. A damaged copy fails the step; rollback restores the source from its own
 * checkpoint, which never left it.
 */
final class CopyCheck implements AutoCloseable {

    /** The sums of the final checkpoint's files as the source dumped them. */
    static final Key<Sums> CHECKPOINT = Key.of("criu.checkpoint.sums", Sums.class);
    /** Measures: how long the target's check of the final checkpoint took, and of the volumes, seconds. */
    static final String VERIFY_CHECKPOINT = "checksum.verify.checkpoint.seconds";
    static final String VERIFY_VOLUMES = "checksum.verify.volumes.seconds";
    /** Measure: how long the checkpoint's transfer step waited for the source's sums after its transfer, seconds. */
    static final String SOURCE_WAIT = "checksum.source.wait.seconds";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Every file of a folder with its sum, by path ({@code ./name}). */
    record Sums(Map<String, Checksums.Sum> files) {
        Sums {
            files = Map.copyOf(files);
        }
    }

    private final SshChannel.Running listing;
    private final String dir;
    private final String hostName;

    private CopyCheck(SshChannel.Running listing, String dir, String hostName) {
        this.listing = listing;
        this.dir = dir;
        this.hostName = hostName;
    }

    /** Starts summing {@code dir} on {@code source}, without waiting: call it just before the transfer. */
    static CopyCheck start(DockerHost source, String dir) {
        return new CopyCheck(source.ssh().start(Checksums.listing(dir)), dir, source.name());
    }

    /** The source's sums, once its listing ended (none for an empty folder, a volume with nothing in it yet). */
    Sums await() {
        CommandResult result = listing.await(TIMEOUT);
        if (!result.succeeded()) {
            throw new RemoteCommandException("summing " + dir + " on " + hostName + " failed (exit "
                    + result.exitStatus() + "): " + result.stderr().strip());
        }
        return new Sums(Checksums.parseListing(result.stdout()));
    }

    /** Ends the source's listing if the transfer failed before it was awaited. */
    @Override
    public void close() {
        listing.close();
    }

    /**
     * Checks that {@code dir} on the target holds every file of {@code sent}, each with its sum.
     *
     * @return how long the check took, seconds (it runs inside the downtime)
     * @throws io.mecmig.docker.transfer.ChecksumMismatchException naming the first damaged file and both sums
     */
    static double verify(DockerHost target, String what, String dir, Sums sent) {
        long start = System.nanoTime();
        CommandResult received = target.exec(Checksums.listing(dir), TIMEOUT);
        Checksums.verify(what, target.name(), dir, sent.files(), Checksums.parseListing(received.stdout()));
        return (System.nanoTime() - start) / 1e9;
    }
}

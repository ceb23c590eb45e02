package io.mecmig.criu;

import io.mecmig.core.Key;
import io.mecmig.core.StepContext;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.RemoteCommandException;
import io.mecmig.docker.transfer.Checksums;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sums of the folders the checkpoint strategies move (the final checkpoint, a streamed volume): taken on the
 * source while the folder crosses the link, so that they add no time of their own there, and checked on the
 * target right before the restore, all folders in one round trip. A damaged copy fails the restore step;
 * rollback restores the source from its own checkpoint, which never left it.
 */
final class CopyCheck implements AutoCloseable {

    /** The final checkpoint's files as the source dumped them. */
    static final Key<Folder> CHECKPOINT = Key.of("criu.checkpoint.sums", Folder.class);
    /** Measure: how long the target's check before the restore took (inside the downtime), seconds. */
    static final String VERIFY_TIME = "checksum.verify.seconds";
    /** Measure: how long the checkpoint's transfer step waited for the source's sums after its transfer, seconds. */
    static final String SOURCE_WAIT = "checksum.source.wait.seconds";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Starts each folder's part of the target's answer; cksum lines start with a digit. */
    private static final String MARK = "== mecmig folder ";

    /**
     * A folder's expected content on the target.
     *
     * @param what what it holds, for messages, for example {@code checkpoint mecmig-final}
     * @param targetDir where the target holds (or will hold) it when it is checked
     * @param files every file with the sum the source took, by path ({@code ./name})
     */
    record Folder(String what, String targetDir, Map<String, Checksums.Sum> files) {
        Folder {
            files = Map.copyOf(files);
        }

        /** The same files, expected in {@code dir} (a checkpoint moved into Docker's folder). */
        Folder at(String dir) {
            return new Folder(what, dir, files);
        }
    }

    /** The sums of a streamed volume, checked with the checkpoint before the restore. */
    static Key<Folder> volume(String volume) {
        return Key.of("criu.volume.sums." + volume, Folder.class);
    }

    private final Checksums.Pending<Map<String, Checksums.Sum>> listing;

    private CopyCheck(Checksums.Pending<Map<String, Checksums.Sum>> listing) {
        this.listing = listing;
    }

    /** Starts summing {@code dir} on {@code source}, without waiting: call it just before the transfer. */
    static CopyCheck start(DockerHost source, String dir) {
        return new CopyCheck(Checksums.startListing(source, dir));
    }

    /**
     * The source's sums, once its listing ended (none for an empty folder, a volume with nothing in it yet), as
     * what the target must hold in {@code targetDir}.
     */
    Folder await(String what, String targetDir) {
        return new Folder(what, targetDir, listing.result());
    }

    /** Ends the source's listing if the transfer failed before it was awaited. */
    @Override
    public void close() {
        listing.close();
    }

    /**
     * Target, right before a restore: checks the checkpoint in {@code checkpointDir} (where the restore reads it), if
     * its sums were taken ({@link #CHECKPOINT}), and the volumes streamed into the target's ({@link #volume}) against
     * the source's sums, in one round trip, and records the check's time ({@link #VERIFY_TIME}); with nothing to
     * check, no round trip.
     *
     * @throws io.mecmig.docker.transfer.ChecksumMismatchException naming the first damaged file and both sums
     */
    static void beforeRestore(StepContext ctx, DockerHost target, String checkpointDir) {
        List<Folder> copies = new ArrayList<>();
        // A checkpoint rebuilt from a page delta was checked as it was rebuilt (FinalDumpStream) and has no sums here.
        ctx.find(CHECKPOINT).ifPresent(c -> copies.add(c.at(checkpointDir)));
        // Volumes that came as tarballs were checked before their untar; streamed ones are checked here.
        ctx.app().volumes().forEach(v -> ctx.find(volume(v)).ifPresent(copies::add));
        if (!copies.isEmpty()) {
            ctx.measure(VERIFY_TIME, verify(target, copies));
        }
    }

    /**
     * Checks, in one round trip, that each folder on the target holds every file the source sent, each with its
     * sum.
     *
     * @return how long the check took, seconds (it runs inside the downtime)
     * @throws io.mecmig.docker.transfer.ChecksumMismatchException naming the first damaged file and both sums
     */
    static double verify(DockerHost target, List<Folder> folders) {
        long start = System.nanoTime();
        String out = target.exec(listings(folders), TIMEOUT).stdout();
        compare(target.name(), folders, out);
        return (System.nanoTime() - start) / 1e9;
    }

    /** One command listing every folder, each listing after its mark line. */
    static RemoteCommand listings(List<Folder> folders) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < folders.size(); i++) {
            line.append("echo '").append(MARK).append(i).append("' && (")
                    .append(Checksums.listing(folders.get(i).targetDir()).line()).append(") && ");
        }
        return new RemoteCommand(line.append("true").toString());
    }

    /** Compares the output of {@link #listings(List)} on {@code host} with what each folder must hold. */
    static void compare(String host, List<Folder> folders, String out) {
        List<StringBuilder> parts = new ArrayList<>();
        for (String l : out.split("\\R")) {
            if (l.startsWith(MARK)) {
                parts.add(new StringBuilder());
            } else if (!parts.isEmpty()) {
                parts.get(parts.size() - 1).append(l).append('\n');
            }
        }
        if (parts.size() != folders.size()) {
            throw new RemoteCommandException("the target " + host + " listed " + parts.size() + " of "
                    + folders.size() + " folders to check: " + out.strip());
        }
        for (int i = 0; i < folders.size(); i++) {
            Folder f = folders.get(i);
            Checksums.verify(f.what(), host, f.targetDir(), f.files(), Checksums.parseListing(parts.get(i).toString()));
        }
    }
}

package io.mecmig.docker;

import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.transfer.ChecksumMismatchException;
import io.mecmig.docker.transfer.Checksums;

/**
 * A Docker volume as a tarball, the paper's {@code tar} of the data volume: packed on the source host from
 * the volume's mountpoint, unpacked on the target host into a freshly created volume. Runs tar ON the host
 * through SSH, as root, so that ownership and modes are kept.
 */
public final class VolumeArchive {

    private VolumeArchive() {
    }

    /** The volume's content size in bytes (apparent sizes, as {@code du -sb} gives them). */
    public static long contentSize(DockerHost host, String volume) {
        String mountpoint = host.volumeMountpoint(volume);
        String out = host.exec(RemoteCommand.of("du", "-sb", mountpoint), DockerHost.SHORT).stdout();
        return Long.parseLong(out.strip().split("\\s+")[0]);
    }

    /**
     * A packed volume: its content size (apparent sizes, as {@code du -sb} gives them) and the tarball's sum.
     *
     * @param contentSize bytes of the volume's files
     * @param sum the tarball's sum, to check the target's copy against before it is unpacked
     */
    public record Packed(long contentSize, Checksums.Sum sum) {
    }

    /**
     * Packs {@code volume} on {@code host} into {@code tarball} (on that host), in one command on the host since
     * it runs while the app is down. The tarball is summed as tar writes it ({@code tee} into {@code cksum}), so
     * the sum costs no second read.
     */
    public static Packed pack(DockerHost host, String volume, String tarball) {
        String mountpoint = RemoteCommand.quote(host.volumeMountpoint(volume));
        String out = host.exec(RemoteCommand.of("bash", "-c", "set -o pipefail; du -sb " + mountpoint + " && tar -C "
                + mountpoint + " -cf - . | tee " + RemoteCommand.quote(tarball) + " | cksum"), DockerHost.LONG).stdout();
        String[] lines = out.strip().split("\\R");
        return new Packed(Long.parseLong(lines[0].strip().split("\\s+")[0]), Checksums.Sum.parse(lines[lines.length - 1]));
    }

    /**
     * Creates {@code volume} on {@code host} and unpacks {@code tarball} (on that host) into it, if the tarball
     * still has the sum {@code expected} the source took.
     *
     * @throws IllegalStateException if the volume exists already: its content would be mixed with the copy
     * @throws ChecksumMismatchException if the tarball is damaged; nothing of it was unpacked
     */
    public static void unpack(DockerHost host, String volume, String tarball, Checksums.Sum expected) {
        if (host.hasVolume(volume)) {
            throw new IllegalStateException("volume '" + volume + "' already exists on " + host.name()
                    + ": remove it there (docker volume rm " + volume + ") if it is a stale copy");
        }
        String mountpoint = host.createVolume(volume);
        Checksums.runIfIntact(host, tarball, expected, "volume tarball of " + volume,
                RemoteCommand.of("tar", "-C", mountpoint, "-xpf", tarball), DockerHost.LONG);
    }
}

package io.mecmig.docker;

import io.mecmig.docker.ssh.RemoteCommand;

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
     * Packs {@code volume} on {@code host} into {@code tarball} (on that host), in one command on the host since
     * it runs while the app is down; returns the volume's content size (apparent sizes, as {@code du -sb}).
     */
    public static long pack(DockerHost host, String volume, String tarball) {
        String mountpoint = RemoteCommand.quote(host.volumeMountpoint(volume));
        String out = host.exec(RemoteCommand.of("sh", "-c", "du -sb " + mountpoint + " && tar -C " + mountpoint
                + " -cf " + RemoteCommand.quote(tarball) + " ."), DockerHost.LONG).stdout();
        return Long.parseLong(out.strip().split("\\s+")[0]);
    }

    /**
     * Creates {@code volume} on {@code host} and unpacks {@code tarball} (on that host) into it.
     *
     * @throws IllegalStateException if the volume exists already: its content would be mixed with the copy
     */
    public static void unpack(DockerHost host, String volume, String tarball) {
        if (host.hasVolume(volume)) {
            throw new IllegalStateException("volume '" + volume + "' already exists on " + host.name()
                    + ": remove it there (docker volume rm " + volume + ") if it is a stale copy");
        }
        String mountpoint = host.createVolume(volume);
        host.exec(RemoteCommand.of("tar", "-C", mountpoint, "-xpf", tarball), DockerHost.LONG);
    }

    /**
     * Replaces the content of {@code volume}, which exists on {@code host} (created with a container made ready in
     * advance), by that of {@code tarball}, then removes the tarball; one command on the host.
     */
    public static void unpackInto(DockerHost host, String volume, String tarball) {
        String mountpoint = RemoteCommand.quote(host.volumeMountpoint(volume));
        String file = RemoteCommand.quote(tarball);
        // Emptied first: what docker copied into the new volume from the image must not mix with the source's copy.
        host.exec(RemoteCommand.of("sh", "-c", "find " + mountpoint + " -mindepth 1 -delete && tar -C " + mountpoint
                + " -xpf " + file + " && rm -f -- " + file), DockerHost.LONG);
    }
}

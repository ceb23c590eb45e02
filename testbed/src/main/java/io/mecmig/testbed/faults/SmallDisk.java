package io.mecmig.testbed.faults;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A small loop-mounted filesystem, for a target whose disk fills up: use {@link #mountPoint()} as the
 * target's work folder (or a daemon's data root), then {@link #fill()} it. Closing unmounts it.
 */
public final class SmallDisk implements Fault {

    private final CommandRunner runner;
    private final Path image;
    private final Path mountPoint;
    private boolean closed;

    SmallDisk(CommandRunner runner, Path image, Path mountPoint) {
        this.runner = runner;
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Where the filesystem is mounted. */
    public Path mountPoint() {
        return mountPoint;
    }

    /** Fills the disk with a file until no byte is left; returns the bytes written. */
    public long fill() {
        Path filler = mountPoint.resolve("filler");
        byte[] block = new byte[1 << 16];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            return written; // ENOSPC: the disk is full, which is the point
        }
    }

    /** Bytes still free on the filesystem. */
    public long freeBytes() {
        try {
            return Files.getFileStore(mountPoint).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "disk " + mountPoint + " full";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        runner.run(Command.of("umount", "-l", mountPoint.toString()).withTimeout(Duration.ofSeconds(20)));
        try {
            Files.deleteIfExists(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the disk image " + image, e);
        }
    }
}

package io.mecmig.testbed.faults;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.SafeArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Injects faults into the testbed's real parts. Every command is an argument list run without a shell;
 * every name is checked before it reaches one.
 *
 * <p>Link faults live in their own nftables table ({@value #TABLE}) inside the host's namespace, matched on
 * the link interface only, so the management path (SSH, Docker API) and the testbed's own shaping stay as
 * they are, and removing the table undoes exactly the fault.
 */
public final class Faults {

    /** The nftables table that holds the link faults, apart from the testbed's own shaping. */
    public static final String TABLE = "mecmig_fault";

    private static final Pattern INTERFACE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,14}");
    private static final Duration QUICK = Duration.ofSeconds(20);

    private final CommandRunner runner;

    /** Faults run through {@code runner} (a {@code ProcessRunner} for the real testbed; root is needed). */
    public Faults(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * Cuts the link: every packet in or out of {@code iface} in namespace {@code namespace} is dropped, as if
     * the cable were pulled (TCP stalls, nothing is refused).
     */
    public Fault cutLink(String namespace, String iface) {
        return linkRule(namespace, iface, "drop", "link " + namespace + "/" + iface + " cut");
    }

    /** Drops {@code percent} % of the packets in and out of {@code iface} at random (nftables numgen). */
    public Fault lossSpike(String namespace, String iface, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("loss " + percent + " % is out of range: use 1 to 100");
        }
        return linkRule(namespace, iface, "numgen random mod 100 < " + percent + " drop",
                percent + " % loss on " + namespace + "/" + iface);
    }

    private Fault linkRule(String namespace, String iface, String verdict, String what) {
        SafeArgs.name("namespace", namespace);
        requireInterface(iface);
        removeTable(namespace); // one link fault at a time per namespace
        String script = "table inet " + TABLE + " {\n"
                + "  chain outgoing { type filter hook output priority -10; oifname \"" + iface + "\" " + verdict + "; }\n"
                + "  chain incoming { type filter hook input priority -10; iifname \"" + iface + "\" " + verdict + "; }\n"
                + "  chain forwarded { type filter hook forward priority -10; oifname \"" + iface + "\" " + verdict + "; }\n"
                + "}\n";
        runner.require(Command.of("ip", "netns", "exec", namespace, "nft", "-f", "-").withStdin(script)
                .withTimeout(QUICK));
        return once(what, () -> removeTable(namespace));
    }

    private void removeTable(String namespace) {
        runner.run(Command.of("ip", "netns", "exec", namespace, "nft", "delete", "table", "inet", TABLE)
                .withTimeout(QUICK)); // absent table: nothing to undo
    }

    /**
     * Kills the process whose pid is in {@code pidFile} with SIGKILL (a daemon's crash, not its shutdown) and
     * waits until it is gone. Restarting it is the testbed's job ({@code testbed up} is idempotent).
     */
    public Fault killByPidFile(Path pidFile, String what) {
        long pid = readPid(pidFile);
        kill(pid);
        return once(what + " (pid " + pid + ") killed", () -> { });
    }

    /** Kills process {@code pid} with SIGKILL and waits until it is gone, at most 10 s. */
    public void kill(long pid) {
        if (pid <= 1) {
            throw new IllegalArgumentException("pid " + pid + " is not a process to kill");
        }
        ProcessHandle.of(pid).ifPresent(p -> {
            runner.run(Command.of("kill", "-KILL", Long.toString(pid)).withTimeout(QUICK));
            p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
        });
    }

    /**
     * Mounts a fresh ext4 filesystem of {@code megabytes} MiB, kept in the loop image {@code image}, on
     * {@code mountPoint} (created if missing). Closing it unmounts it and deletes the image.
     */
    public SmallDisk smallDisk(Path image, Path mountPoint, int megabytes) {
        if (megabytes < 8 || megabytes > 4096) {
            throw new IllegalArgumentException("disk of " + megabytes + " MiB: use 8 to 4096");
        }
        try {
            Files.createDirectories(mountPoint);
            Files.createDirectories(image.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + mountPoint, e);
        }
        runner.require(Command.of("truncate", "-s", megabytes + "M", image.toString()).withTimeout(QUICK));
        runner.require(Command.of("mkfs.ext4", "-q", "-F", "-m", "0", image.toString()).withTimeout(QUICK));
        runner.require(Command.of("mount", "-o", "loop", image.toString(), mountPoint.toString()).withTimeout(QUICK));
        return new SmallDisk(runner, image, mountPoint);
    }

    /**
     * Corrupts {@code file} in place: flips every byte of {@code length} bytes from the middle of the file
     * (a truncated or damaged transfer looks the same to a tar or CRIU reader).
     *
     * @return the offset it corrupted at
     */
    public long corrupt(Path file, int length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) {
                throw new IllegalArgumentException(file + " is empty: nothing to corrupt");
            }
            long offset = size / 2;
            int n = (int) Math.min(length, size - offset);
            ByteBuffer buf = ByteBuffer.allocate(n);
            ch.read(buf, offset);
            for (int i = 0; i < n; i++) {
                buf.put(i, (byte) ~buf.get(i));
            }
            buf.rewind();
            ch.write(buf, offset);
            ch.force(true);
            return offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot corrupt " + file, e);
        }
    }

    private static long readPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("no pid in " + pidFile + ": is the daemon running?", e);
        }
    }

    private static void requireInterface(String iface) {
        if (iface == null || !INTERFACE.matcher(iface).matches()) {
            throw new IllegalArgumentException("interface '" + iface + "' is not valid: use up to 15 letters, digits,"
                    + " '_', '.' or '-' (e.g. veth-src)");
        }
    }

    private static Fault once(String what, Runnable undo) {
        AtomicBoolean undone = new AtomicBoolean();
        return new Fault() {
            @Override
            public String describe() {
                return what;
            }

            @Override
            public void close() {
                if (undone.compareAndSet(false, true)) {
                    undo.run();
                }
            }
        };
    }
}

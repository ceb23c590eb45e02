package io.mecmig.docker.transfer;

import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.RemoteCommandException;
import io.mecmig.docker.ssh.SshChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sums of what a migration moves between hosts, taken on the source and compared on the target right before
 * the copy is used, so that a copy corrupted on the link or at rest is never unpacked or restored: the step
 * fails instead, and rollback brings the source back with its state.
 *
 * <p>The sum is POSIX {@code cksum} (a CRC32 and the byte count): coreutils 9 computes it with the CPU's
 * carry-less multiply, about 2 GB/s, several times faster than {@code sha256sum}. That matters because the
 * check runs while the app is down. It guards against accidental damage (flipped bits, truncation, a file left
 * half-written), not against an attacker who can write on the target, who could rewrite the sum as well.
 */
public final class Checksums {

    /** The exit status of a guarded command whose input did not match its sum. */
    static final int MISMATCH = 65;
    /** What a mismatch means and what to do about it, the end of every mismatch message. */
    static final String DAMAGED_COPY = ": the copy was damaged on the link or on the target's disk and was not used;"
            + " migrate again, and if it happens again, check the link and the target's disk";

    private Checksums() {
    }

    /**
     * One file's (or one stream's) sum.
     *
     * @param crc POSIX {@code cksum}'s CRC
     * @param size the byte count
     */
    public record Sum(long crc, long size) {

        /** As {@code cksum < file} prints it: {@code CRC SIZE}. */
        public String text() {
            return crc + " " + size;
        }

        @Override
        public String toString() {
            return "cksum " + crc + " (" + size + " bytes)";
        }

        /**
         * The sum of a line of {@code cksum} output: {@code CRC SIZE}, optionally followed by a file name.
         *
         * @throws RemoteCommandException if the line is not one
         */
        public static Sum parse(String line) {
            String[] words = line.strip().split("\\s+", 3);
            try {
                return new Sum(Long.parseLong(words[0]), Long.parseLong(words[1]));
            } catch (RuntimeException e) {
                throw new RemoteCommandException("not a cksum line: '" + line.strip() + "'");
            }
        }
    }

    /**
     * {@code cksum} of every regular file under {@code dir}, one {@code CRC SIZE ./path} line each, in no particular
     * order ({@link #parseListing} keys them by path). Two processes only, {@code find} and one {@code cksum}: on a
     * loaded 2-core host a {@code find | sort | xargs} pipeline took three times as long.
     */
    public static RemoteCommand listing(String dir) {
        return new RemoteCommand("cd " + RemoteCommand.quote(dir) + " && find . -type f -exec cksum {} +");
    }

    /** The sums of a {@link #listing(String)}'s output, by path ({@code ./name}). */
    public static Map<String, Sum> parseListing(String out) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.strip().split(" ", 3);
            if (words.length < 3) {
                throw new RemoteCommandException("not a cksum listing line: '" + line + "'");
            }
            sums.put(words[2], Sum.parse(line));
        }
        return sums;
    }

    /**
     * Checks that every file the source listed arrived whole on the target. Files only the target has are not
     * part of the copy and are ignored.
     *
     * @param what what the folder holds, for the message, for example {@code checkpoint mecmig-final}
     * @param host the target's name
     * @param dir the folder on the target
     * @throws ChecksumMismatchException naming the first damaged or missing file and both sums
     */
    public static void verify(String what, String host, String dir, Map<String, Sum> sent, Map<String, Sum> received) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Sum> file : sent.entrySet()) {
            if (!file.getValue().equals(received.get(file.getKey()))) {
                bad.add(file.getKey());
            }
        }
        if (bad.isEmpty()) {
            return;
        }
        String first = bad.get(0);
        String path = dir + "/" + first.replaceFirst("^\\./", "");
        Sum got = received.get(first);
        throw new ChecksumMismatchException("checksum mismatch: " + path + " (" + what + ") on " + host + " has "
                + (got == null ? "no such file" : got) + ", the source sent " + sent.get(first)
                + (bad.size() > 1 ? " (" + (bad.size() - 1) + " more file(s) differ)" : "")
                + DAMAGED_COPY);
    }

    /**
     * Runs {@code use} on {@code host} only if {@code file} there still has the sum the source took; otherwise
     * nothing of {@code use} runs. One round trip: the check costs one read of the file.
     *
     * @param what what the file is, for the message, for example {@code volume tarball of uspa-data}
     * @throws ChecksumMismatchException naming the file and both sums
     * @throws RemoteCommandException if {@code use} fails
     */
    public static CommandResult runIfIntact(DockerHost host, String file, Sum expected, String what,
                                            RemoteCommand use, Duration timeout) {
        CommandResult result = host.ssh().run(guarded(file, expected, use), timeout);
        if (result.exitStatus() == MISMATCH) {
            throw new ChecksumMismatchException("checksum mismatch: " + file + " (" + what + ") on " + host.name()
                    + " has " + Sum.parse(result.stdout()) + ", the source sent " + expected
                    + DAMAGED_COPY);
        }
        if (!result.succeeded()) {
            throw new RemoteCommandException("on " + host.name() + ", `" + use + "` for " + what + " exited with "
                    + result.exitStatus() + ": " + (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip());
        }
        return result;
    }

    /**
     * Starts {@code cksum < file} on {@code host} without waiting, so that the file is summed while it is sent
     * (it is read from the page cache twice at the same time, not once more after).
     */
    public static Pending<Sum> start(DockerHost host, String file) {
        return new Pending<>(host.ssh().start(RemoteCommand.of("cksum").from(file)), "cksum of " + file + " on "
                + host.name(), Duration.ofMinutes(2), Sum::parse);
    }

    /** Starts the {@link #listing} of {@code dir} on {@code host} without waiting, as {@link #start} does a file's sum. */
    public static Pending<Map<String, Sum>> startListing(DockerHost host, String dir) {
        return new Pending<>(host.ssh().start(listing(dir)), "summing " + dir + " on " + host.name(),
                Duration.ofSeconds(60), Checksums::parseListing);
    }

    /**
     * Sums being taken on a host.
     *
     * @param <T> a file's sum, or a folder's sums by path
     */
    public static final class Pending<T> implements AutoCloseable {

        private final SshChannel.Running running;
        private final String what;
        private final Duration timeout;
        private final java.util.function.Function<String, T> parse;

        private Pending(SshChannel.Running running, String what, Duration timeout,
                        java.util.function.Function<String, T> parse) {
            this.running = running;
            this.what = what;
            this.timeout = timeout;
            this.parse = parse;
        }

        /** The sums, once taken. */
        public T result() {
            CommandResult result = running.await(timeout);
            if (!result.succeeded()) {
                throw new RemoteCommandException(what + " failed (exit " + result.exitStatus() + "): "
                        + result.stderr().strip());
            }
            return parse.apply(result.stdout());
        }

        /** Ends the command if the transfer failed before its sums were asked for. */
        @Override
        public void close() {
            running.close();
        }
    }

    /**
     * {@code sh -c 'check; use'}: exits with {@link #MISMATCH}, printing the file's sum, if {@code file} does not
     * have the sum {@code expected}; otherwise runs {@code use}.
     */
    static RemoteCommand guarded(String file, Sum expected, RemoteCommand use) {
        Objects.requireNonNull(expected, "expected sum of " + file);
        return RemoteCommand.of("sh", "-c", "s=$(cksum < " + RemoteCommand.quote(file) + ") || exit 66; if [ \"$s\" != "
                + RemoteCommand.quote(expected.text()) + " ]; then echo \"$s\"; exit " + MISMATCH + "; fi; " + use.line());
    }
}

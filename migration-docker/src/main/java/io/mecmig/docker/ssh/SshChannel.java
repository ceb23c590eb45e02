package io.mecmig.docker.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH connection from the orchestrator to a host's sshd, for running commands there (the docker CLI,
 * tar, scp, rsync, nc). The host key is checked against the pinned known_hosts file of the {@link SshTarget};
 * an unknown or changed key refuses the connection.
 *
 * <p>Every command runs under {@value #UMASK}: what it creates on the host (tarballs, checkpoints, volume
 * archives, received streams) is readable by the login user only, files 0600 and folders 0700, whatever
 * umask the host's sshd gives its sessions. Archives unpacked by root keep the modes they carry.
 *
 * <p>Thread-safe: every command runs on its own session, multiplexed over the one connection, so the engine
 * can run a listener on the target while it sends from the source.
 */
public final class SshChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshChannel.class);
    /** Put before every command line: files the command creates are private to the login user. */
    static final String UMASK = "umask 077; ";
    /** Readers of remote output block; they get threads of their own, never the small common pool. */
    private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ssh-output");
        t.setDaemon(true);
        return t;
    });

    private final SshTarget target;
    private final SSHClient client;

    private SshChannel(SshTarget target, SSHClient client) {
        this.target = target;
        this.client = client;
    }

    /**
     * Connects and logs in.
     *
     * @throws RemoteCommandException naming the host and what to fix (key files, known_hosts, sshd)
     */
    public static SshChannel connect(SshTarget target) {
        requireReadable(target.knownHosts(), "known_hosts file");
        requireReadable(target.identity(), "private key");
        SSHClient client = new SSHClient();
        try {
            client.loadKnownHosts(target.knownHosts().toFile());
            client.setConnectTimeout(5_000);
            client.connect(target.host(), target.port());
            client.authPublickey(target.user(), client.loadKeys(target.identity().toString()));
            client.getConnection().getKeepAlive().setKeepAliveInterval(5);
            return new SshChannel(target, client);
        } catch (IOException e) {
            closeQuietly(client);
            throw new RemoteCommandException("cannot open SSH to " + target + ": " + e.getMessage()
                    + " (is sshd running there, and is its key in " + target.knownHosts() + "?)", e);
        }
    }

    private static void requireReadable(java.nio.file.Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new RemoteCommandException("the " + what + " " + file + " is missing or unreadable: "
                    + "create it (the testbed writes both when it comes up: ./mecmig testbed up)");
        }
    }

    /** The host this channel logs in to. */
    public SshTarget target() {
        return target;
    }

    /** Runs {@code command}, waits at most {@code timeout}, and returns how it ended whatever its exit status. */
    public CommandResult run(RemoteCommand command, Duration timeout) {
        return start(command).await(timeout);
    }

    /**
     * Runs {@code command} and returns its result if it exited with 0.
     *
     * @throws RemoteCommandException with the command's error output otherwise
     */
    public CommandResult check(RemoteCommand command, Duration timeout) {
        CommandResult result = run(command, timeout);
        if (!result.succeeded()) {
            throw new RemoteCommandException("on " + target.host() + ", `" + command + "` exited with "
                    + result.exitStatus() + ": " + firstLines(result.stderr().isBlank() ? result.stdout() : result.stderr()));
        }
        return result;
    }

    /** Starts {@code command} without waiting: for a listener that must be up before its sender starts. */
    public Running start(RemoteCommand command) {
        LOG.debug("{}: {}", target.host(), command);
        try {
            Session session = client.startSession();
            Session.Command cmd = session.exec(UMASK + command.line());
            return new Running(command, session, cmd, System.nanoTime());
        } catch (IOException e) {
            throw new RemoteCommandException("cannot run `" + command + "` on " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code command} as a raw byte stream: the caller writes its standard input and reads its standard
     * output (for a tunnel), and closes it.
     */
    public RawStream openStream(RemoteCommand command) {
        try {
            Session session = client.startSession();
            return new RawStream(session, session.exec(UMASK + command.line()));
        } catch (IOException e) {
            throw new RemoteCommandException("cannot run `" + command + "` on " + target + ": " + e.getMessage(), e);
        }
    }

    /** A remote command's standard input and output as streams; closing it hangs up on the command. */
    public record RawStream(Session session, Session.Command command) implements AutoCloseable {
        public java.io.OutputStream in() {
            return command.getOutputStream();
        }

        public InputStream out() {
            return command.getInputStream();
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (IOException e) {
                LOG.debug("closing a raw stream: {}", e.toString());
            }
        }
    }

    /** A command that runs on the host; {@link #await} collects its result, {@link #close} abandons it. */
    public final class Running implements AutoCloseable {
        private final RemoteCommand command;
        private final Session session;
        private final Session.Command cmd;
        private final long startNanos;
        private final StringBuffer seen = new StringBuffer();
        private final CompletableFuture<String> stdout;
        private final CompletableFuture<String> stderr;

        private Running(RemoteCommand command, Session session, Session.Command cmd, long startNanos) {
            this.command = command;
            this.session = session;
            this.cmd = cmd;
            this.startNanos = startNanos;
            // Both streams are drained at once, so a chatty stderr can never stall the command.
            this.stdout = CompletableFuture.supplyAsync(() -> drain(cmd.getInputStream(), seen), READERS);
            this.stderr = CompletableFuture.supplyAsync(() -> drain(cmd.getErrorStream(), new StringBuffer()), READERS);
        }

        /** Whether the command has ended (its standard output is closed). */
        public boolean ended() {
            return stdout.isDone();
        }

        /** What the command printed on its standard output so far. */
        public String output() {
            return seen.toString();
        }

        /**
         * Waits until the command has printed {@code text} on its standard output (for example a listener's
         * "listening" line), while it goes on running.
         *
         * @throws RemoteCommandException if it ended or {@code timeout} passed first
         */
        public void awaitOutput(String text, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.indexOf(text) < 0) {
                if (stdout.isDone() || System.nanoTime() > deadline) {
                    String err = stderr.getNow("");
                    throw new RemoteCommandException("on " + target.host() + ", `" + command + "` did not print '"
                            + text + "'" + (err.isBlank() ? "" : ": " + firstLines(err)));
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RemoteCommandException("interrupted while waiting for `" + command + "`", e);
                }
            }
        }

        /**
         * Waits until the command's standard output so far has a match of {@code pattern} that ends a line (for example
         * a count it prints once a transfer is done), while it goes on running.
         *
         * @return the match's first group
         * @throws RemoteCommandException if it ended or {@code timeout} passed first
         */
        public String awaitLine(java.util.regex.Pattern pattern, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String out = seen.toString();
                java.util.regex.Matcher m = pattern.matcher(out);
                if (m.find() && m.end() < out.length() && out.charAt(m.end()) == '\n') {
                    return m.group(1);
                }
                if (stdout.isDone() || System.nanoTime() > deadline) {
                    String err = stderr.getNow("");
                    throw new RemoteCommandException("on " + target.host() + ", `" + command + "` did not print a line"
                            + " matching '" + pattern + "'" + (stdout.isDone() ? " before it ended" : " within "
                            + timeout.toMillis() + " ms") + (err.isBlank() ? "" : ": " + firstLines(err)));
                }
                pause();
            }
        }

        /**
         * As {@link #awaitLine}, without blocking the caller: the future completes with the match's first group, or
         * exceptionally if the command ended or {@code timeout} passed first.
         */
        public CompletableFuture<String> lineAsync(java.util.regex.Pattern pattern, Duration timeout) {
            return CompletableFuture.supplyAsync(() -> awaitLine(pattern, timeout), READERS);
        }

        /**
         * Writes {@code text} to the command's standard input (for example the go-ahead a waiting command reads), at
         * once.
         *
         * @throws RemoteCommandException if the command's input is closed (it ended, or the connection is gone)
         */
        public void write(String text) {
            try {
                java.io.OutputStream in = cmd.getOutputStream();
                in.write(text.getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                throw new RemoteCommandException("cannot write to `" + command + "` on " + target.host() + ": "
                        + e.getMessage(), e);
            }
        }

        private void pause() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteCommandException("interrupted while waiting for `" + command + "`", e);
            }
        }

        /**
         * Waits for the command to end.
         *
         * @throws RemoteCommandException if it did not end within {@code timeout} (it is abandoned)
         */
        public CommandResult await(Duration timeout) {
            try {
                cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (cmd.isOpen() && cmd.getExitStatus() == null) {
                    throw new RemoteCommandException("on " + target.host() + ", `" + command + "` did not end within "
                            + timeout.toSeconds() + " s");
                }
                String out = stdout.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                String err = stderr.get(1000, TimeUnit.MILLISECONDS);
                Integer status = cmd.getExitStatus();
                return new CommandResult(command, status == null ? -1 : status, out, err,
                        Duration.ofNanos(System.nanoTime() - startNanos));
            } catch (IOException e) {
                throw new RemoteCommandException("lost `" + command + "` on " + target + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteCommandException("interrupted while waiting for `" + command + "`", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new RemoteCommandException("could not read the output of `" + command + "` on " + target.host(), e);
            } finally {
                close();
            }
        }

        /** Closes the session; sshd then hangs up on the remote command. */
        @Override
        public void close() {
            try {
                session.close();
            } catch (IOException e) {
                LOG.debug("closing session of `{}`: {}", command, e.toString());
            }
        }
    }

    private static String drain(InputStream in, StringBuffer seen) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLines(String text) {
        String t = text.strip();
        return t.length() > 600 ? t.substring(0, 600) + " ..." : t;
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing SSH: {}", e.toString());
        }
    }
}

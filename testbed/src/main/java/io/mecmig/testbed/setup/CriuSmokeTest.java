package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Proves that a CRIU binary really works on this kernel: dumps a small HTTP server that holds a
 * listening TCP socket on 127.0.0.1, checks it is gone, restores it and checks it answers again.
 * ({@code criu check} alone passes with CRIU versions that then fail on every socket.)
 */
public final class CriuSmokeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final CommandRunner runner;
    private final Path criu;
    private final Path workDir;

    public CriuSmokeTest(CommandRunner runner, Path criu, Path workDir) {
        this.runner = runner;
        this.criu = criu;
        this.workDir = workDir;
    }

    /**
     * @return a one-line account of the check
     * @throws SetupException with CRIU's log when the dump or the restore fails
     */
    public String run() {
        Path dir;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "criu-smoke-");
            Files.createDirectories(dir.resolve("www"));
            Files.createDirectories(dir.resolve("images"));
        } catch (IOException e) {
            throw new SetupException("cannot create a work folder under " + workDir + ": " + e.getMessage());
        }
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        long pid = runner.startDetached(Command.of("python3", "-m", "http.server", "--bind", "127.0.0.1",
                String.valueOf(port)).in(dir.resolve("www")), dir.resolve("server.log"));
        try {
            if (!answers(url, WAIT)) {
                throw new SetupException("the test HTTP server (python3 -m http.server) did not start; see "
                        + dir.resolve("server.log"));
            }
            CommandResult dump = runner.run(Command.of(criu.toString(), "dump", "-t", String.valueOf(pid),
                    "-D", dir.resolve("images").toString(), "-o", "dump.log"));
            if (!dump.ok()) {
                throw new SetupException("`criu dump` of a process with a listening TCP socket failed on this kernel"
                        + " (log: " + dir.resolve("images/dump.log") + "): " + lastLines(dir.resolve("images/dump.log")));
            }
            if (answers(url, Duration.ZERO)) {
                throw new SetupException("after `criu dump` the test server still answers: CRIU did not stop it");
            }
            CommandResult restore = runner.run(Command.of(criu.toString(), "restore", "-d",
                    "-D", dir.resolve("images").toString(), "-o", "restore.log"));
            if (!restore.ok() || !answers(url, WAIT)) {
                throw new SetupException("`criu restore` did not bring the test server back (log: "
                        + dir.resolve("images/restore.log") + "): " + lastLines(dir.resolve("images/restore.log")));
            }
            return "dumped and restored a process with a listening TCP socket (127.0.0.1:" + port + "), it answers";
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            deleteTree(dir);
        }
    }

    private static boolean answers(URI url, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            try {
                HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not (yet) answering
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new SetupException("cannot find a free port on 127.0.0.1: " + e.getMessage());
        }
    }

    private static String lastLines(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}

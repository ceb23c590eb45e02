package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRIU gate of the restoring runtime, started as runc starts CRIU ({@code criu swrk FD}, with runc's request waiting
 * on a socket), with a stand-in for CRIU that records its arguments and the request it reads.
 */
class CriuGateTest {

    /** runc's restore request starts with criu_req.type = RESTORE (2); its version request with VERSION (10). */
    private static final String RESTORE = "0802120400000000";
    private static final String VERSION = "080a";
    /** Makes a socket pair as runc does, sends the request, and starts the gate with its end of it. */
    private static final String AS_RUNC = String.join("\n",
            "import socket, subprocess, sys",
            "runc, criu = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)",
            "runc.send(bytes.fromhex(sys.argv[2]))",
            "gate = subprocess.Popen([sys.executable, '-S', sys.argv[1], 'swrk', str(criu.fileno())],"
                    + " pass_fds=[criu.fileno()])",
            "criu.close()",
            "sys.exit(gate.wait())");

    @TempDir
    Path dir;
    Path gateScript;
    Path calls;
    Path images;
    Path gate;

    @BeforeEach
    void prepare() throws IOException, InterruptedException {
        gateScript = dir.resolve("criu-gate");
        try (InputStream in = RestoringRuntime.class.getResourceAsStream("criu-gate")) {
            Files.write(gateScript, in.readAllBytes());
        }
        calls = dir.resolve("calls");
        Path criu = dir.resolve("criu");
        Files.writeString(criu, String.join("\n", "#!/usr/bin/python3",
                "import os, sys",
                "request = os.read(int(sys.argv[2]), 64)",
                "open('" + calls + "', 'a').write(' '.join(sys.argv[1:]) + ' | ' + request.hex() + '\\n')", ""));
        Files.setPosixFilePermissions(criu, PosixFilePermissions.fromString("rwx------"));
        images = Files.createDirectories(dir.resolve("images"));
        gate = dir.resolve("c1.restore");
        assertThat(new ProcessBuilder("mkfifo", gate.toString()).start().waitFor()).isZero();
    }

    @Test
    void runcsVersionQuestionGoesToCriuAtOnceEvenWithAGate() throws Exception {
        Process p = start(VERSION);

        assertThat(p.waitFor()).isZero();
        assertThat(Files.readAllLines(calls)).singleElement().asString().endsWith("| " + VERSION);
        assertThat(gate).as("left for the restore").exists();
    }

    @Test
    void theRestoreWaitsAtTheGateAndCriuGetsRuncsRequestUntouchedOnGo() throws Exception {
        Files.writeString(images.resolve(".complete"), "");
        Process p = start(RESTORE);
        Thread.sleep(300);
        assertThat(p.isAlive()).as("held at the gate").isTrue();
        assertThat(calls).doesNotExist();

        try (var writer = Files.newBufferedWriter(gate)) { // opens once the gate reads
            writer.write("go\n");
        }

        assertThat(p.waitFor()).isZero();
        assertThat(Files.readAllLines(calls)).singleElement().asString().matches("swrk \\d+ \\| " + RESTORE);
        assertThat(gate).doesNotExist();
    }

    @Test
    void whereTheOrchestratorSaidSoTheRestoreRunsOnceTheImagesAreComplete() throws Exception {
        Files.writeString(images.resolve(".go-when-complete"), "");
        Process p = start(RESTORE);
        try (var writer = Files.newBufferedWriter(gate)) { // the gate's command holds its end, and says nothing
            Thread.sleep(300);
            assertThat(p.isAlive()).as("held while the images are incomplete").isTrue();

            Files.writeString(images.resolve(".complete"), "");

            assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readAllLines(calls)).singleElement().asString().endsWith("| " + RESTORE);
    }

    @Test
    void whereTheOrchestratorSaidSoAnAbortBeforeTheImagesAreCompleteStillCounts() throws Exception {
        Files.writeString(images.resolve(".go-when-complete"), "");
        Process p = start(RESTORE);
        try (var writer = Files.newBufferedWriter(gate)) {
            writer.write("abort\n");
        }

        assertThat(p.waitFor()).isEqualTo(75);
        assertThat(calls).doesNotExist();
        assertThat(Files.readString(images.resolve("restore.log"))).contains("got 'abort'");
    }

    @Test
    void anAbortedGateFailsTheRestoreWithoutCriuAndSaysWhyInTheLog() throws Exception {
        Files.writeString(images.resolve(".complete"), "");
        Process p = start(RESTORE);
        try (var writer = Files.newBufferedWriter(gate)) {
            writer.write("abort\n");
        }

        assertThat(p.waitFor()).isEqualTo(75);
        assertThat(calls).doesNotExist();
        assertThat(Files.readString(images.resolve("restore.log"))).contains("held at its gate", "got 'abort'");
    }

    @Test
    void goWithoutCompleteImagesFailsTheRestore() throws Exception {
        Process p = start(RESTORE);
        try (var writer = Files.newBufferedWriter(gate)) {
            writer.write("go\n");
        }

        assertThat(p.waitFor()).isEqualTo(75);
        assertThat(calls).doesNotExist();
        assertThat(Files.readString(images.resolve("restore.log"))).contains("no complete images", ".complete");
    }

    @Test
    void aGateNobodyOpensTimesOut() throws Exception {
        Process p = start(RESTORE);

        assertThat(p.waitFor()).isEqualTo(75);
        assertThat(Files.readString(images.resolve("restore.log"))).contains("no word within 1 s");
        assertThat(gate).doesNotExist();
    }

    @Test
    void aGateThatVanishedFailsTheRestore() throws Exception {
        Files.writeString(images.resolve(".complete"), "");
        Files.delete(gate); // its command died between the runtime's look and the gate's

        assertThat(start(RESTORE).waitFor()).isEqualTo(75);
        assertThat(calls).doesNotExist();
        assertThat(Files.readString(images.resolve("restore.log"))).contains("the gate is gone");
    }

    /** What failed is said: inotify, on which folder, and why; not that the gate is gone. */
    @Test
    void aWatchThatCannotBeSetSaysSoNotThatTheGateIsGone() throws Exception {
        Path missing = dir.resolve("removed-images").resolve(".complete");
        Process p = new ProcessBuilder("python3", "-S", "-c", String.join("\n",
                "import importlib.machinery, importlib.util, sys",
                "loader = importlib.machinery.SourceFileLoader('gate', sys.argv[1])",
                "gate = importlib.util.module_from_spec(importlib.util.spec_from_loader('gate', loader))",
                "loader.exec_module(gate)",
                "try:",
                "    print('word: ' + gate.word_at(sys.argv[2], 1, sys.argv[3]))",
                "except gate.CannotWatch as e:",
                "    print(e)"), gateScript.toString(), gate.toString(),
                missing.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).strip();

        assertThat(p.waitFor()).as(said).isZero();
        assertThat(said).startsWith("cannot watch " + missing.getParent() + " for .complete: inotify_add_watch failed:")
                .contains("No such file or directory").doesNotContain("gate is gone");
    }

    @Test
    void withoutAGateTheRestoreGoesToCriuAtOnce() throws Exception {
        ProcessBuilder plain = asRunc(RESTORE);
        plain.environment().remove("MECMIG_RESTORE_GATE");

        assertThat(plain.start().waitFor()).isZero();
        assertThat(Files.readAllLines(calls)).singleElement().asString().endsWith("| " + RESTORE);
    }

    private Process start(String request) throws IOException {
        return asRunc(request).start();
    }

    private ProcessBuilder asRunc(String request) {
        ProcessBuilder pb = new ProcessBuilder(List.of("python3", "-S", "-c", AS_RUNC, gateScript.toString(), request))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        pb.environment().put("MECMIG_CRIU", dir.resolve("criu").toString());
        pb.environment().put("MECMIG_RESTORE_GATE", gate.toString());
        pb.environment().put("MECMIG_RESTORE_IMAGES", images.toString());
        pb.environment().put("MECMIG_GATE_WAIT", "1");
        return pb;
    }
}

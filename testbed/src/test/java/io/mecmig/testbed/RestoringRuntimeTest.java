package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restoring runtime's script, run with a stand-in for runc that records how it was called. */
class RestoringRuntimeTest {

    @TempDir
    Path dir;
    Path script;
    Path spool;
    Path calls;
    Path gates;

    @BeforeEach
    void prepare() throws IOException {
        script = dir.resolve("runc-restore");
        try (InputStream in = RestoringRuntime.class.getResourceAsStream("runc-restore")) {
            Files.write(script, in.readAllBytes());
        }
        spool = Files.createDirectories(dir.resolve("spool"));
        calls = dir.resolve("calls");
        gates = Files.createDirectories(dir.resolve("gates"));
        Path runc = dir.resolve("runc");
        Files.writeString(runc, "#!/bin/sh\necho \"$*\" >> " + calls + "\n");
        Files.setPosixFilePermissions(runc, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aContainerWithWaitingImagesIsRestoredByCreateAndItsStartDoesNothing() throws Exception {
        Files.createDirectories(spool.resolve("c1"));
        Files.writeString(spool.resolve("c1/restore.log"), "criu says");

        assertThat(run("--root", "/run/r", "--log", "/l.json", "--log-format", "json", "create", "--bundle", "/b",
                "--pid-file", "/p", "--no-new-keyring", "--preserve-fds", "2", "c1")).isZero();
        assertThat(run("--root", "/run/r", "start", "c1")).isZero();

        String images = spool.resolve("c1").toString();
        assertThat(Files.readAllLines(calls)).containsExactly("--root /run/r --log /l.json --log-format json restore"
                + " --detach --no-subreaper --image-path " + images + " --work-path " + images + " --bundle /b"
                + " --pid-file /p c1");
        assertThat(spool.resolve("c1.restored")).doesNotExist();
        // the images and their claim go in the background once restored
        for (int i = 0; i < 100 && Files.exists(spool.resolve("c1.claimed")); i++) {
            Thread.sleep(20);
        }
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void theRestoreRunsAtARaisedPriorityAndOtherCallsAtTheirOwn() throws Exception {
        Path runc = dir.resolve("runc");
        Files.writeString(runc, "#!/bin/sh\necho \"$(nice) $1\" >> " + calls + "\n");
        Files.createDirectories(spool.resolve("c4"));

        assertThat(run("create", "--bundle", "/b", "c4")).isZero();
        assertThat(run("create", "--bundle", "/b", "c5")).isZero();
        int own = Integer.parseInt(new String(new ProcessBuilder("nice").start().getInputStream().readAllBytes()).strip());
        // as root the restore runs at niceness -10; anyone else cannot raise it, and the restore still runs
        assertThat(Files.readAllLines(calls)).containsExactly((isRoot() ? -10 : own) + " restore", own + " create");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void withoutImagesEveryCallGoesToRuncUnchanged() throws Exception {
        assertThat(run("--root", "/run/r", "create", "--bundle", "/b", "--pid-file", "/p", "c2")).isZero();
        assertThat(run("--root", "/run/r", "start", "c2")).isZero();
        assertThat(run("--root", "/run/r", "checkpoint", "--leave-running", "c2")).isZero();

        assertThat(Files.readAllLines(calls)).containsExactly("--root /run/r create --bundle /b --pid-file /p c2",
                "--root /run/r start c2", "--root /run/r checkpoint --leave-running c2");
    }

    @Test
    void aFailedRestoreFailsTheCreateAndLeavesNoMarker() throws Exception {
        Files.createDirectories(spool.resolve("c3"));
        Files.writeString(spool.resolve("c3/restore.log"), "criu failed");
        Path failing = dir.resolve("runc");
        Files.writeString(failing, "#!/bin/sh\nexit 7\n");

        assertThat(run("create", "--bundle", "/b", "c3")).isEqualTo(7);
        assertThat(spool.resolve("c3.restored")).doesNotExist();
        assertThat(spool.resolve("c3.restore.log")).hasContent("criu failed");

        // one shot: the images are claimed, so the next start of the container runs its image
        Files.writeString(failing, "#!/bin/sh\necho \"$*\" >> " + calls + "\n");
        assertThat(run("create", "--bundle", "/b", "c3")).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("create --bundle /b c3");
    }

    @Test
    void aGatedStartWaitsForGoAndThenRunsRunc() throws Exception {
        Path gate = mkfifo("c6.start");
        Process held = start("--root", "/run/r", "start", "c6");
        try (var writer = Files.newBufferedWriter(gate)) { // opens once the runtime reads: it is at the gate
            assertThat(held.isAlive()).isTrue();
            assertThat(calls).doesNotExist();
            writer.write("go\n");
        }
        assertThat(held.waitFor()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("--root /run/r start c6");
        assertThat(gate).doesNotExist();
        // the gate was one shot: the next start of the container runs plainly
        assertThat(run("--root", "/run/r", "start", "c6")).isZero();
        assertThat(Files.readAllLines(calls)).hasSize(2);
    }

    @Test
    void aGatedStartLetsRuncsInitExecThroughItsExecFifoWithoutRunningRunc() throws Exception {
        Path state = Files.createDirectories(dir.resolve("root/c10"));
        Path execFifo = state.resolve("exec.fifo");
        assertThat(new ProcessBuilder("mkfifo", execFifo.toString()).start().waitFor()).isZero();
        // runc init, as runc create leaves it: blocked opening the FIFO for writing, then one byte, then its exec
        Process init = new ProcessBuilder("sh", "-c", "printf 0 > " + execFifo + "; echo execed").start();
        Path gate = mkfifo("c10.start");
        Process held = start("--root", dir.resolve("root").toString(), "--log", "/l.json", "start", "c10");
        try (var writer = Files.newBufferedWriter(gate)) {
            assertThat(init.isAlive()).as("init waits while the start is held").isTrue();
            writer.write("go\n");
        }
        assertThat(held.waitFor()).isZero();
        assertThat(init.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(new String(init.getInputStream().readAllBytes())).contains("execed");
        assertThat(execFifo).as("removed, as runc start does: the container now counts as running").doesNotExist();
        assertThat(calls).as("runc itself was not needed").doesNotExist();
    }

    @Test
    void aPlainStartLeavesTheExecFifoToRunc() throws Exception {
        Path state = Files.createDirectories(dir.resolve("root/c11"));
        assertThat(new ProcessBuilder("mkfifo", state.resolve("exec.fifo").toString()).start().waitFor()).isZero();
        assertThat(run("--root", dir.resolve("root").toString(), "start", "c11")).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("--root " + dir.resolve("root") + " start c11");
        assertThat(state.resolve("exec.fifo")).exists();
    }

    @Test
    void anAbortedOrClosedGateFailsTheCommandWithoutRunningRunc() throws Exception {
        Path gate = mkfifo("c7.start");
        Process aborted = start("start", "c7");
        try (var writer = Files.newBufferedWriter(gate)) {
            writer.write("abort\n");
        }
        assertThat(aborted.waitFor()).isEqualTo(75);
        assertThat(new String(aborted.getInputStream().readAllBytes())).contains("held at its gate", "abort");

        Path createGate = mkfifo("c7.create");
        Process closed = start("create", "--bundle", "/b", "c7");
        Files.newBufferedWriter(createGate).close(); // the writer went away without a word
        assertThat(closed.waitFor()).isEqualTo(75);
        assertThat(calls).doesNotExist();
        assertThat(gate).doesNotExist();
        assertThat(createGate).doesNotExist();
    }

    @Test
    void aGateNobodyOpensTimesOut() throws Exception {
        Path gate = mkfifo("c8.start");
        Process p = start("start", "c8");
        assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("bounded by MECMIG_GATE_WAIT").isTrue();
        assertThat(p.exitValue()).isEqualTo(75);
        assertThat(calls).doesNotExist();
        assertThat(gate).doesNotExist();
    }

    @Test
    void aRestoreGateHandsTheRestoreToTheCriuGateWithWhatItNeeds() throws Exception {
        Path runc = dir.resolve("runc");
        Files.writeString(runc, "#!/bin/sh\necho \"$* | $MECMIG_RESTORE_GATE $MECMIG_RESTORE_IMAGES $MECMIG_GATE_WAIT\" >> "
                + calls + "\n");
        Path criuGate = executable("criu-gate");
        Files.createDirectories(spool.resolve("c12"));
        Path gate = mkfifo("c12.restore");

        assertThat(run("--root", "/run/r", "create", "--bundle", "/b", "c12")).isZero();

        String images = spool.resolve("c12").toString();
        assertThat(Files.readAllLines(calls)).containsExactly("--criu " + criuGate + " --root /run/r restore --detach"
                + " --no-subreaper --image-path " + images + " --work-path " + images + " --bundle /b c12 | " + gate
                + " " + images + " 2");
        assertThat(gate).as("the CRIU gate, not the runtime, opens it").exists();
    }

    @Test
    void aRestoreGateWithoutTheCriuGateFailsTheCreateAndNamesTheFix() throws Exception {
        Files.createDirectories(spool.resolve("c13"));
        mkfifo("c13.restore");

        Process p = start("create", "--bundle", "/b", "c13");
        String said = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).isEqualTo(75);
        assertThat(said).contains("restore gate", "criu-gate is missing", "setup");
        assertThat(calls).doesNotExist();
    }

    @Test
    void withoutARestoreGateTheRestoreRunsPlainCriu() throws Exception {
        executable("criu-gate");
        Files.createDirectories(spool.resolve("c14"));

        assertThat(run("create", "--bundle", "/b", "c14")).isZero();

        assertThat(Files.readAllLines(calls).get(0)).startsWith("restore --detach");
    }

    private Path executable(String name) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        return path;
    }

    @Test
    void aGateForCreateDoesNotHoldTheStart() throws Exception {
        mkfifo("c9.create");
        assertThat(run("start", "c9")).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("start c9");
    }

    private Path mkfifo(String name) throws IOException, InterruptedException {
        Path fifo = gates.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    private int run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private Process start(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("sh", script.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("MECMIG_RUNC", dir.resolve("runc").toString());
        pb.environment().put("MECMIG_RESTORE_SPOOL", spool.toString());
        pb.environment().put("MECMIG_GATES", gates.toString());
        pb.environment().put("MECMIG_GATE_WAIT", "2");
        pb.environment().put("MECMIG_FORGET_AFTER", "0");
        pb.environment().put("MECMIG_CRIU_GATE", dir.resolve("criu-gate").toString());
        return pb.start();
    }
}

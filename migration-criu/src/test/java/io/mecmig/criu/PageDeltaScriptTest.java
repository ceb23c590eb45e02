package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the hosts' page delta script (python3) on folders shaped like CRIU images. */
class PageDeltaScriptTest {

    @TempDir
    Path dir;

    @Test
    void sendsOnlyNewPagesAndRebuildsTheImagesExactly() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Path out = dir.resolve("out");
        Random random = new Random(7);
        byte[] pages = new byte[4096 * 64];
        random.nextBytes(pages);
        Files.write(base.resolve("pages-1.img"), pages);
        Files.writeString(base.resolve("core-1.img"), "old registers");
        byte[] changed = pages.clone();
        // Two pages change, and two old pages swap places (a moving garbage collector does that).
        for (int i = 0; i < 4096; i++) {
            changed[4096 * 3 + i] = (byte) random.nextInt();
            changed[4096 * 40 + i] = (byte) random.nextInt();
            byte t = changed[4096 * 10 + i];
            changed[4096 * 10 + i] = changed[4096 * 20 + i];
            changed[4096 * 20 + i] = t;
        }
        Files.write(next.resolve("pages-1.img"), changed);
        Files.writeString(next.resolve("core-1.img"), "new registers");

        run(PageDelta.index(base.toString()).line(), null, null);
        Path delta = dir.resolve("delta.bin");
        run(PageDelta.make(base.toString(), next.toString()).line(), null, delta);
        run(PageDelta.apply(base.toString(), out.toString()).line(), delta, null);

        assertThat(Files.readAllBytes(out.resolve("pages-1.img"))).isEqualTo(changed);
        assertThat(Files.readString(out.resolve("core-1.img"))).isEqualTo("new registers");
        assertThat(out.resolve(".complete")).exists();
        // 2 literal pages plus references, not 64 pages.
        assertThat(Files.size(delta)).isLessThan(4096 * 3).isGreaterThan(4096 * 2);
    }

    @Test
    void theApplySaysAllItHasToSayBeforeItLeaves() throws Exception {
        // It leaves without Python's clean-up (os._exit) once its child that forgets the base is forked: what it
        // wrote must have been flushed by then, the checked images' line for the orchestrator above all.
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        byte[] pages = new byte[4096 * 8];
        new Random(5).nextBytes(pages);
        Files.write(base.resolve("pages-1.img"), pages);
        Files.write(next.resolve("pages-1.img"), pages);
        Files.writeString(next.resolve("core-1.img"), "registers");
        run(PageDelta.index(base.toString()).line(), null, null);
        Path delta = dir.resolve("delta.bin");
        run(PageDelta.make(base.toString(), next.toString()).line(), null, delta);

        Path out = dir.resolve("out");
        Process p = new ProcessBuilder("sh", "-c", PageDelta.apply(base.toString(), out.toString()).line())
                .redirectInput(delta.toFile()).redirectError(dir.resolve("apply.err").toFile()).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(said).matches("mecmig-applied \\d+ [\\d.]+\n");
        assertThat(Files.readString(dir.resolve("apply.err"))).startsWith("pagedelta: apply ");
        assertThat(out.resolve(".complete")).exists();
        assertThat(Files.readAllBytes(out.resolve("pages-1.img"))).isEqualTo(pages);
    }

    @Test
    void pagesThatMovedAsARunTravelAsAReferenceToThatRun() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Path out = dir.resolve("out");
        Random random = new Random(11);
        byte[] pages = new byte[4096 * 300];
        random.nextBytes(pages);
        Files.write(base.resolve("pages-1.img"), pages);
        // The heap grew by 3 new pages in front of it: every old page now sits 3 pages further on.
        byte[] grown = new byte[pages.length + 4096 * 3];
        random.nextBytes(grown);
        System.arraycopy(pages, 0, grown, 4096 * 3, pages.length);
        // and one page inside the old run changed
        for (int i = 0; i < 4096; i++) {
            grown[4096 * 200 + i] = (byte) random.nextInt();
        }
        Files.write(next.resolve("pages-1.img"), grown);

        run(PageDelta.index(base.toString()).line(), null, null);
        Path delta = dir.resolve("delta.bin");
        run(PageDelta.make(base.toString(), next.toString()).line(), null, delta);
        run(PageDelta.apply(base.toString(), out.toString()).line(), delta, null);

        assertThat(Files.readAllBytes(out.resolve("pages-1.img"))).isEqualTo(grown);
        // 4 literal pages and two runs, not 296 page references.
        assertThat(Files.size(delta)).isLessThan(4096 * 4 + 200).isGreaterThan(4096 * 4);
    }

    @Test
    void aCutStreamFailsTheApply() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.write(base.resolve("pages-1.img"), new byte[4096]);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, "MECMIGPD4-P".getBytes());
        Process p = new ProcessBuilder("sh", "-c", PageDelta.apply(base.toString(), dir.resolve("o").toString()).line())
                .redirectInput(cut.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isNotZero();
        assertThat(said).contains("ended early");
    }

    @Test
    void aDamagedBaseOnTheReceiverIsCaughtAndNoImagesAppear() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Path copy = Files.createDirectories(dir.resolve("copy")); // the receiver's copy of the base
        Random random = new Random(5);
        byte[] pages = new byte[4096 * 16];
        random.nextBytes(pages);
        Files.write(base.resolve("pages-1.img"), pages);
        Files.write(next.resolve("pages-1.img"), pages);
        Files.writeString(next.resolve("core-1.img"), "registers");
        byte[] damaged = pages.clone();
        damaged[4096 * 9 + 17] ^= 1; // one bit, in a page the delta only refers to
        Files.write(copy.resolve("pages-1.img"), damaged);
        run(PageDelta.index(base.toString()).line(), null, null);
        Path delta = dir.resolve("delta.bin");
        run(PageDelta.make(base.toString(), next.toString()).line(), null, delta);

        Path out = dir.resolve("out");
        Process p = new ProcessBuilder("sh", "-c", PageDelta.apply(copy.toString(), out.toString()).line())
                .redirectInput(delta.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).isEqualTo(PageDelta.MISMATCH);
        assertThat(said).contains("checksum mismatch: " + out + "/pages-1.img has crc32", "the source sent crc32");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("out.part")).doesNotExist();
    }

    @Test
    void intoAPreparedRestoresFolderTheFilesMoveInWithTheCompleteMarkerLast() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.write(base.resolve("pages-1.img"), new byte[4096 * 4]);
        Files.write(next.resolve("pages-1.img"), new byte[4096 * 5]);
        Files.writeString(next.resolve("descriptors.json"), "[\"/dev/null\",\"pipe:[7]\"]");
        Files.writeString(next.resolve("core-1.img"), "registers");
        Path out = Files.createDirectories(dir.resolve("out")); // as runc restore holds it, with what it read
        Files.writeString(out.resolve("descriptors.json"), "[\"/dev/null\",\"pipe:[7]\"]");
        run(PageDelta.index(base.toString()).line(), null, null);
        Path delta = dir.resolve("delta.bin");
        run(PageDelta.make(base.toString(), next.toString()).line(), null, delta);

        run(PageDelta.apply(base.toString(), out.toString()).line(), delta, null);

        assertThat(Files.readString(out.resolve("core-1.img"))).isEqualTo("registers");
        assertThat(Files.size(out.resolve("pages-1.img"))).isEqualTo(4096 * 5);
        assertThat(out.resolve(".complete")).exists();
        assertThat(dir.resolve("out.part")).doesNotExist();
    }

    @Test
    void aPreparedRestoreThatReadOtherDescriptorsIsNotCompleted() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.write(base.resolve("pages-1.img"), new byte[4096]);
        Files.write(next.resolve("pages-1.img"), new byte[4096]);
        Files.writeString(next.resolve("descriptors.json"), "[\"pipe:[8]\"]");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("descriptors.json"), "[\"pipe:[7]\"]");
        run(PageDelta.index(base.toString()).line(), null, null);
        Path delta = dir.resolve("delta.bin");
        run(PageDelta.make(base.toString(), next.toString()).line(), null, delta);

        Process p = new ProcessBuilder("sh", "-c", PageDelta.apply(base.toString(), out.toString()).line())
                .redirectInput(delta.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).as(said).isEqualTo(4);
        assertThat(said).contains("descriptors.json differs from the one the prepared restore in " + out + " read");
        assertThat(out.resolve(".complete")).doesNotExist();
        assertThat(out.resolve("pages-1.img")).doesNotExist();
        assertThat(dir.resolve("out.part")).doesNotExist();
    }

    @Test
    void aSenderToldToWaitSendsNoFileUntilToldToGo() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.write(base.resolve("pages-1.img"), new byte[4096 * 2]);
        Files.write(next.resolve("pages-1.img"), new byte[4096 * 2]);
        Path delta = dir.resolve("delta.bin");

        Process failed = new ProcessBuilder("sh", "-c", "echo dump-failed | " + PageDelta.makeWhenTold(base.toString(),
                next.toString()).line()).redirectOutput(delta.toFile()).start();
        assertThat(failed.waitFor()).isEqualTo(1);
        assertThat(Files.size(delta)).as("the stream's head alone").isEqualTo(10);
        assertApplyFails(base, delta, "ended early");

        run("echo " + PageDelta.GO + " | " + PageDelta.makeWhenTold(base.toString(), next.toString()).line(), null, delta);
        run(PageDelta.apply(base.toString(), dir.resolve("out").toString()).line(), delta, null);
        assertThat(Files.readAllBytes(dir.resolve("out").resolve("pages-1.img"))).isEqualTo(new byte[4096 * 2]);
    }

    @Test
    void aSenderWatchingCriusLogSendsOnceTheDumpIsCompleteButFailsIfRuncFailsAfterIt() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.write(base.resolve("pages-1.img"), new byte[4096 * 2]);
        Files.write(next.resolve("pages-1.img"), new byte[4096 * 2]);
        Path log = dir.resolve("dump.log");
        Path delta = dir.resolve("delta.bin");
        Files.writeString(log, "(00.002) Dumping FAILED.\n");
        Process failed = new ProcessBuilder("sh", "-c", "echo dump-failed | " + PageDelta.makeWhenTold(base.toString(),
                next.toString(), log.toString(), false).line()).redirectOutput(delta.toFile()).start();
        assertThat(failed.waitFor()).isEqualTo(1);
        assertThat(sentAll(delta)).isFalse();
        assertApplyFails(base, delta, "ended early");
        Files.writeString(log, "(00.001) Writing stats\n(00.002) Dumping finished successfully\n");
        // runc has not said go yet: the sender has sent the whole delta (its output is closed), and waits for runc
        Path fifo = runcFifo();
        Process sender = new ProcessBuilder("sh", "-c", PageDelta.makeWhenTold(base.toString(), next.toString(),
                log.toString(), false).line() + " < " + fifo).redirectOutput(delta.toFile()).start();
        try (var runc = Files.newBufferedWriter(fifo)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.size(delta) == 0 || !sentAll(delta)) {
                assertThat(System.nanoTime()).as("delta sent before runc said go").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(sender.isAlive()).isTrue();
            runc.write("dump-failed\n"); // runc failed after CRIU: the command must fail, though the delta left
        }
        assertThat(sender.waitFor()).isEqualTo(1);
        // runc said go first (or together with CRIU's line): the delta is the same
        Path told = dir.resolve("told.bin");
        run("echo " + PageDelta.GO + " | " + PageDelta.makeWhenTold(base.toString(), next.toString(), log.toString(),
                false).line(), null, told);
        assertThat(Files.readAllBytes(told)).isEqualTo(Files.readAllBytes(delta));
        run(PageDelta.apply(base.toString(), dir.resolve("out").toString()).line(), delta, null);
        assertThat(Files.readAllBytes(dir.resolve("out").resolve("pages-1.img"))).isEqualTo(new byte[4096 * 2]);
    }

    @Test
    void theRestGoesOutWhenCriuKillsTheDumpedTasksAndTheDumpIsAnnouncedAtCriusLastLine() throws Exception {
        Path base = dir.resolve("base");
        Path next = dir.resolve("next");
        byte[] pages = twoChangedPages(5L);
        Path log = dir.resolve("dump.log");
        // A dump that failed resumes its tasks ("into 1", TASK_ALIVE): nothing is complete then.
        Files.writeString(log, "(00.100) Dumping core (pid: 70)\n(00.200) Unfreezing tasks into 1\n");
        Path fifo = runcFifo();
        Path delta = dir.resolve("delta.bin");
        Path announced = dir.resolve("fd3.txt");
        Process sender = new ProcessBuilder("sh", "-c", PageDelta.makeWhenTold(base.toString(), next.toString(),
                log.toString(), false).line() + " < " + fifo + " 3> " + announced).redirectOutput(delta.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var runc = Files.newBufferedWriter(fifo)) {
            awaitSize(delta, 4096 * 2); // pages-1 went out at its core line
            Thread.sleep(300);
            assertThat(sentAll(delta)).as("sent all while CRIU resumed the tasks").isFalse();
            // CRIU kills the dumped tasks (TASK_DEAD): every image is closed, the rest goes before CRIU's last line
            Files.writeString(log, "(00.300) Unfreezing tasks into 2\n", java.nio.file.StandardOpenOption.APPEND);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!sentAll(delta)) {
                assertThat(System.nanoTime()).as("the rest sent once CRIU kills the tasks").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(Files.readString(announced)).as("announced before CRIU's stats exist").isEmpty();
            Files.writeString(dir.resolve("stats-dump"), "stats");
            Files.writeString(log, "(00.350) Writing stats\n(00.351) Dumping finished successfully\n",
                    java.nio.file.StandardOpenOption.APPEND);
            while (!Files.readString(announced).contains("mecmig-dump-end")) {
                assertThat(System.nanoTime()).as("the dump announced at CRIU's last line").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(Files.readString(announced)).isEqualTo("mecmig-dumped c3RhdHM= mecmig-dump-end\n");
            assertThat(sender.isAlive()).as("it waits for runc").isTrue();
            runc.write(PageDelta.GO + "\n");
        }
        assertThat(sender.waitFor()).isZero();
        run(PageDelta.apply(base.toString(), dir.resolve("out").toString()).line(), delta, null);
        assertThat(Files.readAllBytes(dir.resolve("out").resolve("pages-1.img"))).isEqualTo(pages);
        assertThat(Files.readString(dir.resolve("out").resolve("core-1.img"))).isEqualTo("registers");
    }

    @Test
    void aTaskPageImageGoesOutAtItsCoreLineEvenWhenTheSenderReadsTheLogLate() throws Exception {
        // CRIU can write its log faster than the sender reads it: all of it, the tasks' end included, may be there at
        // the sender's first look. The JVM's page image still counts as sent at its core line, not with the rest.
        Path base = dir.resolve("base");
        Path next = dir.resolve("next");
        byte[] pages = twoChangedPages(9L);
        Path log = dir.resolve("dump.log");
        StringBuilder text = new StringBuilder("(00.100) Dumping core (pid: 70)\n");
        for (int i = 0; i < 3000; i++) {
            text.append("(00.2").append(i % 10).append(") Dumping core for thread (pid: ").append(71 + i).append(")\n");
        }
        Files.writeString(log, text.append("(00.300) Unfreezing tasks into 2\n"));
        Path fifo = runcFifo();
        Path delta = dir.resolve("delta.bin");
        Path said = dir.resolve("sender.err");
        Process sender = new ProcessBuilder("sh", "-c", PageDelta.makeWhenTold(base.toString(), next.toString(),
                log.toString(), false).line() + " < " + fifo).redirectOutput(delta.toFile())
                .redirectError(said.toFile()).start();
        try (var runc = Files.newBufferedWriter(fifo)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!sentAll(delta)) {
                assertThat(System.nanoTime()).as("all sent once the log says the tasks are killed").isLessThan(deadline);
                Thread.sleep(20);
            }
            Files.writeString(dir.resolve("stats-dump"), "stats");
            Files.writeString(log, "(00.351) Dumping finished successfully\n", java.nio.file.StandardOpenOption.APPEND);
            runc.write(PageDelta.GO + "\n");
        }
        assertThat(sender.waitFor()).isZero();
        assertThat(Files.readString(said)).contains("1 page image(s) sent during the dump");
        run(PageDelta.apply(base.toString(), dir.resolve("out").toString()).line(), delta, null);
        assertThat(Files.readAllBytes(dir.resolve("out").resolve("pages-1.img"))).isEqualTo(pages);
    }

    @Test
    void pageImagesGoOutWhileCriuStillDumpsAndOneThatChangesAfterwardsIsSentAgain() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Random random = new Random(3);
        byte[] first = new byte[4096 * 32];
        random.nextBytes(first);
        byte[] second = new byte[4096 * 8];
        random.nextBytes(second);
        Files.write(base.resolve("pages-1.img"), first);
        Files.write(base.resolve("pages-2.img"), second);
        run(PageDelta.index(base.toString()).line(), null, null);
        // CRIU has dumped the first task (its pages, then its core) and is still dumping the second one.
        byte[] changed = first.clone();
        changed[4096 * 5 + 1] ^= 1;
        Files.write(next.resolve("pages-1.img"), changed);
        Files.write(next.resolve("pages-2.img"), new byte[4096]); // being written
        Path log = dir.resolve("dump.log");
        Files.writeString(log, "(00.100) Dumping pages (type: 59 pid: 70)\n(00.140) Dumping core (pid: 70)\n"
                + "(00.141) Dumping pages (type: 59 pid: 71)\n");
        Path fifo = runcFifo();
        Path delta = dir.resolve("delta.bin");
        Process sender = new ProcessBuilder("sh", "-c", PageDelta.makeWhenTold(base.toString(), next.toString(),
                log.toString(), true).line() + " < " + fifo).redirectOutput(delta.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var runc = Files.newBufferedWriter(fifo)) {
            // pages-1 goes out before the dump ends: its literal page crosses, compressed or not
            awaitSize(delta, 300);
            assertThat(sender.isAlive()).isTrue();
            // ...and changes afterwards (CRIU would not do that; a wrong guess of which image is closed would)
            changed[4096 * 9] ^= 1;
            Files.write(next.resolve("pages-1.img"), changed);
            byte[] secondNow = second.clone();
            secondNow[4096 * 7 + 3] ^= 1;
            Files.write(next.resolve("pages-2.img"), secondNow);
            Files.writeString(next.resolve("core-1.img"), "registers");
            Files.writeString(log, "(00.200) Dumping core (pid: 71)\n(00.300) Dumping finished successfully\n",
                    java.nio.file.StandardOpenOption.APPEND);
            runc.write(PageDelta.GO + "\n");
            runc.flush();
            assertThat(sender.waitFor()).isZero();
            Path out = dir.resolve("out");
            run(PageDelta.apply(base.toString(), out.toString()).line(), delta, null);
            assertThat(Files.readAllBytes(out.resolve("pages-1.img"))).isEqualTo(changed);
            assertThat(Files.readAllBytes(out.resolve("pages-2.img"))).isEqualTo(secondNow);
            assertThat(Files.readString(out.resolve("core-1.img"))).isEqualTo("registers");
            // compressed: 3 literal pages of random bytes, not 40 pages
            assertThat(Files.size(delta)).isLessThan(4096 * 4);
        }
    }

    @Test
    void aDamagedCompressedStreamIsNotApplied() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        byte[] pages = new byte[4096 * 16];
        new Random(9).nextBytes(pages);
        Files.write(base.resolve("pages-1.img"), pages);
        byte[] changed = pages.clone();
        java.util.Arrays.fill(changed, 4096 * 2, 4096 * 4, (byte) 'x'); // compresses well: the damage lands in it
        Files.write(next.resolve("pages-1.img"), changed);
        Files.writeString(next.resolve("core-1.img"), "registers");
        Path log = dir.resolve("dump.log");
        Files.writeString(log, "(00.300) Dumping finished successfully\n");
        Path delta = dir.resolve("delta.bin");
        run("echo " + PageDelta.GO + " | " + PageDelta.makeWhenTold(base.toString(), next.toString(), log.toString(),
                true).line(), null, delta);
        byte[] bytes = Files.readAllBytes(delta);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(delta, bytes);

        assertApplyFails(base, delta, "pagedelta: ");
        assertThat(Files.readAllBytes(base.resolve("pages-1.img"))).as("the base is only read").isEqualTo(pages);
    }

    @Test
    void anAppThatDiesWhileCriuDumpsItHasCriuGiveUpAtOnce() throws Exception {
        Path log = dir.resolve("dump.log");
        Process app = new ProcessBuilder("sleep", "60").start();
        Process criu = criuDumping(app.pid());
        Path fifo = runcFifo();
        Process sender = senderWatching(app, log, fifo);
        try (var runc = Files.newBufferedWriter(fifo)) {
            Thread.sleep(300);
            assertThat(criu.isAlive()).as("CRIU left alone while the app lives").isTrue();
            app.destroyForcibly().waitFor();
            assertThat(criu.waitFor(5, TimeUnit.SECONDS)).as("CRIU told to give up").isTrue();
            assertThat(criu.exitValue()).as("by its SIGALRM").isEqualTo(ALARMED);
        } // runc fails once CRIU has: no "go"
        assertThat(sender.waitFor()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("said.txt")))
                .contains("the app (pid " + app.pid() + ") died while CRIU (pid " + criu.pid() + ") dumped it");
    }

    @Test
    void theAppKilledByCriuItselfAtTheDumpsEndIsNoReasonToStopCriu() throws Exception {
        Path log = dir.resolve("dump.log");
        Process app = new ProcessBuilder("sleep", "60").start();
        Process criu = criuDumping(app.pid());
        Path fifo = runcFifo();
        Process sender = senderWatching(app, log, fifo);
        Files.writeString(dir.resolve("next").resolve("core-1.img"), "registers");
        try (var runc = Files.newBufferedWriter(fifo)) {
            // CRIU logs the kill before it kills; the sender may read the log later than the app is gone
            Files.writeString(log, "(00.300) Unfreezing tasks into 2\n", java.nio.file.StandardOpenOption.APPEND);
            app.destroyForcibly().waitFor();
            assertThat(criu.waitFor(1, TimeUnit.SECONDS)).as("CRIU stopped").isFalse();
            Files.writeString(log, "(00.320) Dumping finished successfully\n", java.nio.file.StandardOpenOption.APPEND);
            runc.write(PageDelta.GO + "\n");
        }
        assertThat(sender.waitFor()).isZero();
        criu.destroyForcibly();
    }

    private static final int ALARMED = 42;

    /** The FIFO {@code runc} through which a test plays runc, telling the sender to go (or that the dump failed). */
    private Path runcFifo() throws Exception {
        Path fifo = dir.resolve("runc");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    /**
     * A base with two zero pages in pages-1.img, and a next dump whose pages-1.img holds two random pages (from
     * {@code seed}) and a core-1.img.
     *
     * @return next's pages
     */
    private byte[] twoChangedPages(long seed) throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.write(base.resolve("pages-1.img"), new byte[4096 * 2]);
        byte[] pages = new byte[4096 * 2];
        new Random(seed).nextBytes(pages);
        Files.write(next.resolve("pages-1.img"), pages);
        Files.writeString(next.resolve("core-1.img"), "registers");
        return pages;
    }

    /**
     * The sender as a dump runs it, watching {@code app}, told to go through {@code runcSays} ({@link #runcFifo});
     * CRIU's log {@code log} says the tasks are frozen, the dump goes to {@code next}, the delta to delta.bin, its
     * words to said.txt.
     */
    private Process senderWatching(Process app, Path log, Path runcSays) throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.writeString(log, "(00.005) freezer.state=FROZEN\n");
        return new ProcessBuilder("sh", "-c", PageDelta.makeWhenTold(base.toString(), next.toString(),
                log.toString(), false, app.pid()).line() + " < " + runcSays)
                .redirectOutput(dir.resolve("delta.bin").toFile()).redirectError(dir.resolve("said.txt").toFile())
                .start();
    }

    /** A process named as CRIU names itself when it dumps {@code pid}; it exits with {@value #ALARMED} on SIGALRM. */
    private Process criuDumping(long pid) throws IOException {
        return new ProcessBuilder("bash", "-c", "exec -a criu bash -c 'trap \"kill $! ; exit " + ALARMED
                + "\" ALRM; sleep 30 & wait $!' dump --rpc -t " + pid).start();
    }

    /** Applies {@code delta} into a fresh folder: it must fail saying {@code said}, and leave no folder behind. */
    private void assertApplyFails(Path base, Path delta, String said) throws Exception {
        Path out = dir.resolve("failed-out");
        Process p = new ProcessBuilder("sh", "-c", PageDelta.apply(base.toString(), out.toString()).line())
                .redirectInput(delta.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(text).isNotZero();
        assertThat(text).contains(said);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("failed-out.part")).doesNotExist();
    }

    private static void awaitSize(Path file, long atLeast) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.size(file) < atLeast) {
            assertThat(System.nanoTime()).as(file + " reaching " + atLeast + " bytes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Whether a delta stream is complete: it ends with the end record after the last file's sum. */
    private static boolean sentAll(Path delta) throws IOException {
        byte[] bytes = Files.readAllBytes(delta);
        return bytes.length > 0 && bytes[bytes.length - 1] == 'E';
    }

    private static void run(String line, Path in, Path outFile) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", line);
        if (in != null) {
            pb.redirectInput(in.toFile());
        }
        if (outFile != null) {
            pb.redirectOutput(outFile.toFile());
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        assertThat(p.waitFor()).as(line.substring(0, 20)).isZero();
    }
}

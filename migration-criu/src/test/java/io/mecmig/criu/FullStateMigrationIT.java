package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.AppState;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationEvent;
import io.mecmig.core.Phase;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.PreRelocation;
import io.mecmig.core.StepFailedException;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.NetworkMode;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.docker.it.TestbedDocker;
import io.mecmig.docker.ssh.RemoteCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FullSP and the page-delta strategy on the real two-host testbed (dockerd, CRIU, sshd per host), with the
 * three sample apps: every state is kept (Table IV's FullSP column, asserted from the state checks), and a
 * failed restore rolls back to a source restored from its checkpoint, its state intact.
 */
@Tag("docker")
class FullStateMigrationIT {

    static TestbedDocker bed;
    static DockerHost a;
    static DockerHost b;

    @BeforeAll
    static void connect() {
        bed = new TestbedDocker();
        bed.shape("1gbit", 0);
        a = bed.source;
        b = bed.target;
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    /**
     * The app running fresh on host a, nothing of it on b, and state worth keeping: USPA's counter seeded at 7
     * on its volume, ASW with at least one visited zone in its memcached.
     */
    static AppDeployment freshOnA(String key) {
        return freshOnA(key, NetworkMode.BRIDGE);
    }

    /** As {@link #freshOnA(String)}, attached to the network as {@code network} says. */
    static AppDeployment freshOnA(String key, NetworkMode network) {
        AppDeployment app = bed.deployFresh(key).withNetwork(network);
        if (key.equals("uspa")) {
            AppPlacement.seedVolumes(app, a, "state.json", "{\"counter\":7,\"zone\":\"zone01\"}");
        }
        AppPlacement.deploy(app, a);
        if (key.equals("asw")) {
            awaitVisitedZones(app);
        }
        return app;
    }

    private static void awaitVisitedZones(AppDeployment app) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            AppState s = app.spec().stateProbe().read(a.serviceAddress(app.spec())).orElse(null);
            if (s != null && s.tree().path("visitedZones").size() > 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("ASW stored no zone within 60 s: is the MEC sandbox reachable from the testbed?");
    }

    /**
     * Both network modes: a checkpoint of an app in a network sandbox (its namespace external to CRIU) is restored
     * into the target's sandbox, by Docker's checkpoint API (FullSP) as by runc (fullsp-delta).
     */
    @ParameterizedTest(name = "{0} keeps all state of {1} ({2})")
    @CsvSource({"fullsp, ba, sandbox", "fullsp, uspa, bridge", "fullsp, asw, bridge", "fullsp-delta, ba, bridge",
            "fullsp-delta, uspa, bridge", "fullsp-delta, asw, sandbox"})
    void keepsAllState(String strategy, String key, String network) {
        NetworkMode mode = NetworkMode.parse(network);
        AppDeployment app = freshOnA(key, mode);
        List<String> sourceHosts = a.extraHosts(app.spec().container());
        MigrationReport report = Migration.of(app.spec()).from(a).to(b).strategy(strategy).migrate();

        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(report.stateCheck().preserved()).as(report.stateCheck().detail()).isTrue();
        assertThat(report.measures()).containsKeys(io.mecmig.core.Measures.CHECKPOINT_SIZE,
                io.mecmig.core.Measures.FROZEN_TIME, io.mecmig.core.Measures.RESTORE_TIME);
        assertThat(b.isRunning(app.spec().container())).isTrue();
        assertThat(a.isRunning(app.spec().container())).isFalse();
        // The restored app still finds the MEC gateway by name.
        assertThat(b.extraHosts(app.spec().container())).isEqualTo(sourceHosts).isNotEmpty();
        // The target kept the source's network mode, and the app answers on the port its sandbox publishes.
        assertThat(b.networkMode(app.spec().container())).isEqualTo(mode);
        assertThat(b.hasSandbox(app.spec().container())).isEqualTo(mode == NetworkMode.SANDBOX);
        assertThat(b.serviceAddress(app.spec()).port()).isEqualTo(app.hostPort());
        assertDevIsTheSharedReadOnlyFolder(app);
        if (strategy.equals("fullsp-delta")) {
            // restored by a plain docker start through the restoring runtime, which keeps nothing behind (it removes
            // the images a few seconds after the restore)
            assertThat(b.inspect(app.spec().container(), false).getHostConfig().getRuntime())
                    .isEqualTo(RestoringRuntime.NAME);
            String id = b.inspect(app.spec().container(), false).getId();
            String spool = b.exec(RemoteCommand.of("sh", "-c", "for i in $(seq 100); do ls " + RestoringRuntime.SPOOL
                    + " | grep -q " + id + " || break; sleep 0.1; done; ls " + RestoringRuntime.SPOOL), Duration.ofSeconds(20))
                    .stdout();
            assertThat(spool).doesNotContain(id);
        }
        assertNoCheckpointImagesLeft(app, strategy);
        removeEverywhere(app);
    }

    /** Once the app serves from the target, no copy of its memory is left in checkpoint images on either host. */
    private static void assertNoCheckpointImagesLeft(AppDeployment app, String strategy) {
        String container = app.spec().container();
        for (DockerHost h : List.of(a, b)) {
            String folders = CheckpointSteps.checkpointDir(h, h.inspect(container, false).getId(), "");
            if (strategy.equals("fullsp-delta")) {
                folders += " " + PageDeltaStrategy.folder(h, container); // its dumps in tmpfs
            }
            String left = h.exec(RemoteCommand.of("sh", "-c", "find " + folders + " -mindepth 1 2>/dev/null; true"),
                    Duration.ofSeconds(10)).stdout();
            assertThat(left).as("checkpoint images left on %s", h.name()).isBlank();
        }
    }

    /**
     * CRIU restored /dev as a bind of the target's read-only folder instead of unpacking an archive of Docker's tmpfs:
     * the devices work, and nothing the app writes there can reach the other containers that bind the same folder.
     */
    private static void assertDevIsTheSharedReadOnlyFolder(AppDeployment app) {
        long pid = b.inspect(app.spec().container(), false).getState().getPidLong();
        String root = "/proc/" + pid + "/root";
        String out = b.exec(RemoteCommand.of("sh", "-c", "grep ' /dev ' /proc/" + pid + "/mountinfo; head -c 16 " + root
                + "/dev/urandom | wc -c; echo written > " + root + "/dev/null && echo null-ok; touch " + root
                + "/dev/mecmig-probe 2>&1; touch " + root + "/sys/firmware/mecmig-probe 2>&1; true"), Duration.ofSeconds(10))
                .stdout();
        assertThat(out).contains("mecmig-criu-mounts ro", "16\n", "null-ok")
                .contains("/dev/mecmig-probe': Read-only file system", "/sys/firmware/mecmig-probe': Read-only file system");
    }

    /** The test's copies of the app go; the next test deploys its own. */
    private static void removeEverywhere(AppDeployment app) {
        for (DockerHost h : List.of(a, b)) {
            MigrationImages.removeContainerAndItsImage(h, app.spec().container());
            app.spec().volumes().forEach(h::removeVolume);
        }
    }

    @Test
    void aCorruptCheckpointRollsBackToTheSourceRestoredFromItsCheckpoint() {
        // in a sandbox: the source is restored into its own sandbox, which the migration kept alive
        AppDeployment app = freshOnA("uspa", NetworkMode.SANDBOX);
        PreRelocation prepared = Migration.of(app.spec()).from(a).to(b).strategy("fullsp-delta").preRelocate();
        // The target's copy of the pre-relocation dump loses its pages: the delta cannot be rebuilt there.
        b.exec(RemoteCommand.of("sh", "-c", "rm -f /dev/shm/mecmig-criu/" + b.name() + "/" + app.spec().container()
                + "/pre/pages-*.img"), Duration.ofSeconds(10));

        assertRolledBackWithState(app, () -> prepared.relocate());
    }

    /**
     * The checkpoint the target is about to restore is damaged: for fullsp, 4 KiB flipped in its largest page image
     * once it arrived; for fullsp-delta, whose target rebuilds the page images in place from its copy of the
     * pre-relocation dump, a bit flipped in every page of that copy's largest image before the final dump. The check
     * against the sums the source took stops the restore, and the source comes back from its own checkpoint.
     */
    @ParameterizedTest(name = "{0}: a checkpoint damaged on the target is not restored, the source is")
    @ValueSource(strings = {"fullsp", "fullsp-delta"})
    void aCheckpointDamagedOnTheTargetIsCaughtBeforeTheRestore(String strategy) {
        AppDeployment app = freshOnA("uspa");
        AtomicReference<Path> damaged = new AtomicReference<>();
        AtomicReference<String> targetId = new AtomicReference<>();
        PreRelocation prepared = Migration.of(app.spec()).from(a).to(b).strategy(strategy)
                .onEvent(MigrationEvent.StepStarted.class, e -> {
                    if (e.phase() != Phase.RELOCATION) {
                        return;
                    }
                    // Asked once, at the first step: while fullsp-delta's start is held at its gate, dockerd holds
                    // the container's lock, and an inspect would wait for the gate the migration opens later.
                    if (targetId.get() == null) {
                        targetId.set(b.inspect(app.spec().container(), false).getId());
                    }
                    String id = targetId.get();
                    if (strategy.equals("fullsp-delta") && e.step().equals("runc checkpoint (stops)")) {
                        Path base = largestFile("/dev/shm/mecmig-criu/" + b.name() + "/" + app.spec().container() + "/pre");
                        flipABitInEveryPage(base);
                        damaged.set(Path.of(RestoringRuntime.imagesDir(id)).resolve(base.getFileName()));
                    } else if (strategy.equals("fullsp") && e.step().startsWith("docker start")) {
                        damaged.set(bed.corruptLargestFile(b.docker().infoCmd().exec().getDockerRootDir() + "/containers/"
                                + id + "/checkpoints/" + FullSpStrategy.FINAL));
                    }
                })
                .preRelocate();

        assertRolledBackWithState(app, () -> prepared.relocate(), report -> assertThat(report.failure())
                .contains("checksum mismatch: " + damaged.get(), "the source sent " + (strategy.equals("fullsp") ? "cksum" : "crc32")));
        assertThat(damaged.get().getFileName().toString()).startsWith("pages-");
    }

    private static Path largestFile(String folder) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(folder))) {
            return files.filter(java.nio.file.Files::isRegularFile).max(java.util.Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow(() -> new AssertionError("no file in " + folder));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whichever pages the delta refers to rather than sends, the rebuilt image then differs. */
    private static void flipABitInEveryPage(Path file) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            for (long at = 100; at < ch.size(); at += 4096) {
                one.clear();
                ch.read(one, at);
                one.put(0, (byte) (one.get(0) ^ 1)).rewind();
                ch.write(one, at);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFailedRestoreOnTheTargetRollsBackToTheSourceRestoredFromItsCheckpoint() {
        AppDeployment app = freshOnA("asw");
        // Nothing else runs on the target, so that every image there can go.
        b.docker().listContainersCmd().withShowAll(true).exec()
                .forEach(c -> b.docker().removeContainerCmd(c.getId()).withForce(true).exec());
        PreRelocation prepared = Migration.of(app.spec()).from(a).to(b).strategy("fullsp").preRelocate();
        try {
            // Every image disappears from the target: creating the container there fails after the source froze.
            b.docker().listImagesCmd().exec()
                    .forEach(i -> b.docker().removeImageCmd(i.getId()).withForce(true).exec());
        } catch (RuntimeException e) {
            prepared.abort();
            throw e;
        }

        assertRolledBackWithState(app, () -> prepared.relocate());
    }

    private void assertRolledBackWithState(AppDeployment app, org.assertj.core.api.ThrowableAssert.ThrowingCallable relocate) {
        assertRolledBackWithState(app, relocate, report -> { });
    }

    private void assertRolledBackWithState(AppDeployment app, org.assertj.core.api.ThrowableAssert.ThrowingCallable relocate,
                                           Consumer<MigrationReport> alsoCheck) {
        AppState before = app.spec().stateProbe().read(a.serviceAddress(app.spec())).orElse(null);
        assertThatThrownBy(relocate).isInstanceOf(StepFailedException.class).satisfies(e -> {
            MigrationReport report = ((StepFailedException) e).report();
            alsoCheck.accept(report);
            assertThat(report.outcome()).isEqualTo(Outcome.ROLLED_BACK);
            assertThat(report.rollback().actions()).anyMatch(s -> s.startsWith("restore source from its checkpoint: done"));
            assertThat(report.notes()).anyMatch(n -> n.contains("source restored from its checkpoint, state kept"));
        });
        assertThat(a.isRunning(app.spec().container())).isTrue();
        assertThat(b.hasContainer(app.spec().container())).isFalse();
        assertThat(b.hasContainer(DockerHost.sandboxName(app.spec().container()))).as("sandbox left on the target").isFalse();
        app.spec().volumes().forEach(v -> assertThat(b.hasVolume(v)).as("volume %s left on the target", v).isFalse());
        if (before != null) {
            AppState after = app.spec().stateProbe().read(a.serviceAddress(app.spec())).orElseThrow();
            assertThat(app.spec().stateProbe().compare(before, after).preserved()).isTrue();
        }
        removeEverywhere(app);
    }
}

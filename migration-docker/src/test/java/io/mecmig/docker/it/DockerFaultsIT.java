package io.mecmig.docker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.Migration;
import io.mecmig.core.MigrationEvent;
import io.mecmig.core.Phase;
import io.mecmig.core.SourceState;
import io.mecmig.core.StepFailedException;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.NetworkMode;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.testbed.faults.Fault;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults in the middle of a relocation of USPA: the source serves again and its counter did not go down.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerFaultsIT {

    private TestbedDocker bed;

    @BeforeAll
    void up() {
        bed = new TestbedDocker();
        bed.shape("1gbit", 0);
    }

    @AfterAll
    void down() {
        if (bed != null) {
            bed.restore();
            bed.close();
        }
    }

    private AppDeployment uspa() {
        return uspa(NetworkMode.BRIDGE);
    }

    private AppDeployment uspa(NetworkMode network) {
        AppDeployment app = bed.deployFresh("uspa").withNetwork(network);
        AppPlacement.seedVolumes(app, bed.source, "state.json", DockerMigrationIT.SEEDED);
        AppPlacement.deploy(app, bed.source);
        return app;
    }

    private long counter(AppDeployment app) {
        return app.spec().stateProbe().read(bed.source.serviceAddress(app.spec())).orElseThrow().tree()
                .path("counter").asLong();
    }

    /** Runs FCCP and injects {@code fault} when relocation's step {@code at} starts. */
    private StepFailedException failAt(AppDeployment app, String at, java.util.function.Supplier<Fault> fault,
                                       AtomicReference<Fault> injected) {
        var prepared = Migration.of(app.spec()).from(bed.source).to(bed.target).strategy("fccp")
                .onEvent(MigrationEvent.StepStarted.class, e -> {
                    if (e.phase() == Phase.RELOCATION && e.step().equals(at) && injected.get() == null) {
                        injected.set(fault.get());
                    }
                })
                .preRelocate();
        try {
            prepared.relocate();
        } catch (StepFailedException e) {
            return e;
        }
        throw new AssertionError("relocation succeeded although '" + at + "' was hit by a fault");
    }

    @Test
    void targetDockerdStoppedMidRelocation() throws Exception {
        AppDeployment app = uspa();
        long before = counter(app);
        AtomicReference<Fault> fault = new AtomicReference<>();
        try {
            StepFailedException e = failAt(app, "untar into volume", bed::killTargetDockerd, fault);
            assertThat(e.sourceState()).isEqualTo(SourceState.RESTORED);
            assertThat(e.report().rollback()).isNotNull();
            assertThat(bed.source.isRunning(app.spec().container())).isTrue();
            assertThat(counter(app)).isGreaterThanOrEqualTo(before);
        } finally {
            if (fault.get() != null) {
                fault.get().close();
            }
            bed.restore();
        }
    }

    @Test
    void aVolumeTarballDamagedOnTheTargetIsNotUnpackedAndTheSourceServesAgain() {
        AppDeployment app = uspa();
        long before = counter(app);
        AtomicReference<java.nio.file.Path> damaged = new AtomicReference<>();
        StepFailedException e = failAt(app, "untar into volume", () -> {
            damaged.set(bed.corruptLargestFile(bed.target.workDir()));
            return new Fault() { // a damaged file stays damaged: nothing to undo
                @Override
                public String describe() {
                    return damaged.get() + " corrupted";
                }

                @Override
                public void close() {
                }
            };
        }, new AtomicReference<>());

        assertThat(damaged.get().getFileName().toString()).contains(".volume.");
        assertThat(e.report().outcome()).isEqualTo(io.mecmig.core.Outcome.ROLLED_BACK);
        assertThat(e.report().failure()).contains("checksum mismatch: " + damaged.get(), "the source sent cksum");
        assertThat(e.sourceState()).isEqualTo(SourceState.RESTORED);
        assertThat(bed.source.isRunning(app.spec().container())).isTrue();
        assertThat(bed.target.isRunning(app.spec().container())).isFalse();
        assertThat(counter(app)).isGreaterThanOrEqualTo(before);
    }

    @Test
    void anImageTarballDamagedAfterScpIsNotLoadedAndNothingOfItStaysOnTheTarget() throws Exception {
        AppDeployment app = uspa();
        long before = counter(app);
        java.util.Set<String> targetImages = imageIds(bed.target);
        AtomicReference<java.nio.file.Path> damaged = new AtomicReference<>();
        var migration = Migration.of(app.spec()).from(bed.source).to(bed.target).strategy("fccp")
                .onEvent(MigrationEvent.StepStarted.class, e -> {
                    if (e.step().equals("docker load") && damaged.get() == null) {
                        damaged.set(flipOneByte(bed.target.workDir()));
                    }
                });

        StepFailedException e = org.assertj.core.api.Assertions.catchThrowableOfType(migration::preRelocate,
                StepFailedException.class);

        assertThat(e).as("pre-relocation with a damaged image tarball").isNotNull();
        assertThat(damaged.get().getFileName().toString()).endsWith(".image.tar");
        assertThat(e.report().failure()).contains("docker load", "checksum mismatch: " + damaged.get(),
                "(image tarball)", "the source sent cksum");
        assertThat(e.sourceState()).isEqualTo(SourceState.UNTOUCHED);
        assertThat(bed.source.isRunning(app.spec().container())).isTrue();
        assertThat(counter(app)).isGreaterThanOrEqualTo(before);
        // Nothing was loaded, created or left on the target: its images are the ones it had, no container, no file.
        assertThat(imageIds(bed.target)).isEqualTo(targetImages);
        assertThat(bed.target.hasContainer(app.spec().container())).isFalse();
        assertThat(bed.target.hasSandbox(app.spec().container())).isFalse();
        assertThat(damaged.get()).doesNotExist();
    }

    private static java.util.Set<String> imageIds(DockerHost host) {
        return host.docker().listImagesCmd().withShowAll(true).exec().stream()
                .map(com.github.dockerjava.api.model.Image::getId).collect(java.util.stream.Collectors.toSet());
    }

    /** Flips one byte in the middle of the largest file under {@code folder}: same size, one bit pattern off. */
    private static java.nio.file.Path flipOneByte(String folder) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of(folder))) {
            java.nio.file.Path file = files.filter(java.nio.file.Files::isRegularFile)
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                long middle = raf.length() / 2;
                raf.seek(middle);
                int b = raf.read();
                raf.seek(middle);
                raf.write(b ^ 0x01);
            }
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void linkCutDuringTheVolumeCopy() throws Exception {
        AppDeployment app = uspa(NetworkMode.SANDBOX);
        long before = counter(app);
        AtomicReference<Fault> fault = new AtomicReference<>();
        try {
            StepFailedException e = failAt(app, "tar | nc volume", bed::cutLink, fault);
            assertThat(e.sourceState()).isEqualTo(SourceState.RESTORED);
            assertThat(e.report().failure()).contains("tar | nc volume");
            // The cut came with the app already stopped and its receiver listening: the copy itself failed.
            assertThat(e.report().relocation().steps()).filteredOn(s -> !s.succeeded())
                    .extracting(io.mecmig.core.StepTiming::step).containsExactly("tar | nc volume");
            assertThat(e.report().relocation().steps()).filteredOn(s -> s.succeeded())
                    .extracting(io.mecmig.core.StepTiming::step)
                    .contains("listen for the volume (nc -l)", "stop: kill -TERM + docker stop");
            assertThat(bed.source.isRunning(app.spec().container())).isTrue();
            assertThat(counter(app)).isGreaterThanOrEqualTo(before);
            // The container FCCP created on the target in pre-relocation went with the rollback, its sandbox and
            // volume too; the source serves again from its own sandbox.
            assertThat(bed.target.hasContainer(app.spec().container())).isFalse();
            assertThat(bed.target.hasSandbox(app.spec().container())).isFalse();
            assertThat(bed.source.networkMode(app.spec().container())).isEqualTo(NetworkMode.SANDBOX);
            assertThat(bed.target.hasVolume(app.spec().volumes().get(0))).isFalse();
        } finally {
            if (fault.get() != null) {
                fault.get().close();
            }
        }
    }

    @Test
    void anAbortAfterPreRelocationRemovesTheTargetContainerAndLeavesTheSourceServing() {
        AppDeployment app = uspa(NetworkMode.SANDBOX);
        long before = counter(app);
        var prepared = Migration.of(app.spec()).from(bed.source).to(bed.target).strategy("fccp").preRelocate();
        assertThat(bed.target.hasContainer(app.spec().container())).as("created, not started, in pre-relocation").isTrue();
        assertThat(bed.target.isRunning(app.spec().container())).isFalse();
        assertThat(bed.target.isRunning(DockerHost.sandboxName(app.spec().container())))
                .as("the target's network sandbox, made in pre-relocation").isTrue();
        prepared.abort();
        assertThat(bed.target.hasContainer(app.spec().container())).isFalse();
        assertThat(bed.target.hasContainer(DockerHost.sandboxName(app.spec().container()))).isFalse();
        assertThat(bed.target.hasVolume(app.spec().volumes().get(0))).isFalse();
        assertThat(bed.source.isRunning(app.spec().container())).isTrue();
        assertThat(counter(app)).isGreaterThanOrEqualTo(before);
    }
}

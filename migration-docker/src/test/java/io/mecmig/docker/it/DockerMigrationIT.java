package io.mecmig.docker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.ListImagesCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.mecmig.core.AppState;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.StateLossPolicy;
import io.mecmig.core.StepTiming;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.NetworkMode;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SFP and FCCP on the real testbed, each app: what Table IV says comes out of the state checks. USPA starts
 * from a counter of 7 in state.json on its volume (its own restore path), so a lost counter is visible.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerMigrationIT {

    static final String SEEDED = "{\"counter\":7,\"zone\":\"zone01\"}";
    private TestbedDocker bed;

    @BeforeAll
    void up() {
        bed = new TestbedDocker();
        bed.shape("1gbit", 0);
    }

    @AfterAll
    void down() {
        if (bed != null) {
            bed.close();
        }
    }

    private AppDeployment onSource(String key) {
        return onSource(key, NetworkMode.BRIDGE);
    }

    private AppDeployment onSource(String key, NetworkMode network) {
        AppDeployment app = bed.deployFresh(key).withNetwork(network);
        if (key.equals("uspa")) {
            AppPlacement.seedVolumes(app, bed.source, "state.json", SEEDED);
        }
        AppPlacement.deploy(app, bed.source);
        return app;
    }

    private MigrationReport migrate(AppDeployment app, String strategy) {
        return Migration.of(app.spec()).from(bed.source).to(bed.target).strategy(strategy)
                .onStateLoss(StateLossPolicy.RECORD).migrate();
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void sfpRunsBaOnlyWithTheCmdGivenByHand() {
        MigrationReport r = migrate(onSource("ba"), "sfp");
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.viability().manualInput()).isTrue();
        assertThat(r.viability().manualInputDetail()).startsWith("CMD given by hand: /opt/java/bin/java");
        assertThat(bed.target.isRunning("mec-ba")).isTrue();
        assertThat(r.linkBytes()).isGreaterThan(10_000_000L);
    }

    /**
     * And leaves no image behind that it made only for the move: the target keeps the one its container runs, until
     * that copy is removed. Another migration's image of the same app, loaded but not yet run from, stays on both.
     */
    @Test
    void fccpRunsBaWithoutManualInput() {
        AppDeployment app = onSource("ba");
        String container = app.spec().container();
        String concurrent = "mecmig/" + container + ":" + container + "-fccp-20261127-000000-other1";
        importEmptyImage(bed.source, concurrent);
        importEmptyImage(bed.target, concurrent);
        Set<String> sourceBefore = imageIds(bed.source, false);
        Set<String> targetBefore = imageIds(bed.target, false);
        Set<String> sourceUntaggedBefore = imageIds(bed.source, true);
        Set<String> targetUntaggedBefore = imageIds(bed.target, true);
        try {
            MigrationReport r = migrate(app, "fccp");

            assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(r.viability().manualInput()).isFalse();
            assertThat(r.measures()).containsKeys("commit.freeze.seconds", "tarball.size.bytes", "container.size.bytes");
            assertThat(r.warnings()).noneMatch(w -> w.contains("image"));
            String runs = bed.target.inspect(container, false).getImageId();
            assertThat(added(bed.source, false, sourceBefore)).as("new images on the source").isEmpty();
            assertThat(added(bed.target, false, targetBefore)).as("new images on the target").containsOnly(runs);
            assertThat(added(bed.source, true, sourceUntaggedBefore)).as("newly untagged images on the source")
                    .isEmpty();
            assertThat(added(bed.target, true, targetUntaggedBefore)).as("newly untagged images on the target")
                    .isEmpty();
            assertThat(hasImage(bed.source, concurrent)).as("the other migration's image on the source").isTrue();
            assertThat(hasImage(bed.target, concurrent)).as("the other migration's image on the target").isTrue();

            MigrationImages.removeContainerAndItsImage(bed.target, container);
            assertThat(hasImage(bed.target, runs)).as("the image the removed copy ran from").isFalse();
            assertThat(hasImage(bed.target, concurrent)).isTrue();
        } finally {
            bed.source.removeImage(concurrent);
            bed.target.removeImage(concurrent);
        }
    }

    /** An image no container was created from, as a migration's is between its load and its create. */
    private static void importEmptyImage(DockerHost host, String name) {
        host.exec(RemoteCommand.of("tar", "cf", "-", "-C", "/etc", "hostname").pipe(host.dockerCommand("import", "-",
                name)), Duration.ofSeconds(30));
    }

    private static boolean hasImage(DockerHost host, String image) {
        try {
            host.docker().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static Set<String> imageIds(DockerHost host, boolean untaggedOnly) {
        ListImagesCmd list = host.docker().listImagesCmd();
        if (untaggedOnly) {
            list.withDanglingFilter(true);
        }
        return list.exec().stream().map(Image::getId).collect(Collectors.toSet());
    }

    private static Set<String> added(DockerHost host, boolean untaggedOnly, Set<String> before) {
        Set<String> now = new HashSet<>(imageIds(host, untaggedOnly));
        now.removeAll(before);
        return now;
    }

    @Test
    void sfpLosesUspasCounterBecauseItsConfigurationIsGone() throws Exception {
        MigrationReport r = migrate(onSource("uspa"), "sfp");
        assertThat(json(r.stateCheck().before()).path("counter").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(r.stateCheck().preserved()).as(r.stateCheck().detail()).isFalse();
        assertThat(json(r.stateCheck().after()).path("counter").asLong()).isLessThan(7);
    }

    /** In a network sandbox, which the target gets too: it serves on the sandbox's port, the app joins it. */
    @Test
    void fccpKeepsUspasCounterThroughTheVolume() throws Exception {
        AppDeployment app = onSource("uspa", NetworkMode.SANDBOX);
        assertThat(bed.source.networkMode(app.spec().container())).isEqualTo(NetworkMode.SANDBOX);
        MigrationReport r = migrate(app, "fccp");
        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.stateCheck().preserved()).as(r.stateCheck().detail()).isTrue();
        assertThat(json(r.stateCheck().after()).path("counter").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(r.measures().get("volume.size.bytes")).isPositive();
        StepTiming nc = r.relocation().steps().stream().filter(s -> s.step().equals("tar | nc volume")).findFirst().orElseThrow();
        assertThat(nc.linkBytes()).isPositive();
        assertThat(nc.inDowntime()).isTrue();
        String container = app.spec().container();
        // dockerd's set-up of the target container was done before the stop; only the opened gate is downtime
        assertThat(r.relocation().steps().stream().filter(s -> s.step().equals("docker start, held at gate")))
                .allMatch(s -> s.succeeded() && !s.inDowntime()).hasSize(1);
        assertThat(bed.target.inspect(container, false).getHostConfig().getRuntime())
                .isEqualTo(io.mecmig.docker.StartGate.RUNTIME);
        assertThat(bed.target.networkMode(container)).isEqualTo(NetworkMode.SANDBOX);
        assertThat(bed.target.hasSandbox(container)).isTrue();
        assertThat(bed.target.publishedPort(container, app.spec().servicePort())).contains(app.hostPort());
        assertThat(bed.target.extraHosts(container)).isEqualTo(app.extraHosts());
        assertThat(r.preRelocation().steps().stream().filter(s -> s.step().equals("create network sandbox")))
                .allMatch(s -> !s.inDowntime()).hasSize(1);
        // the UE's address on the target is the sandbox's published port, and the app answers there
        assertThat(app.spec().stateProbe().read(bed.target.serviceAddress(app.spec()))).isPresent();
        assertThat(bed.target.serviceAddress(app.spec()).port()).isEqualTo(app.hostPort());
    }

    /** Waits until ASW has stored at least one zone (needs the MEC sandbox and a moving UE on the testbed). */
    private AppDeployment aswWithZones() throws Exception {
        AppDeployment app = onSource("asw");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            AppState s = app.spec().stateProbe().read(bed.source.serviceAddress(app.spec())).orElse(null);
            if (s != null && json(s.json()).path("visitedZones").size() > 0) {
                return app;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ASW stored no zone within 30 s: the MEC sandbox must run on the testbed with a moving UE");
    }

    @Test
    void sfpAndFccpBothLoseAswsMemcachedMemory() throws Exception {
        for (String strategy : new String[] {"sfp", "fccp"}) {
            MigrationReport r = migrate(aswWithZones(), strategy);
            assertThat(r.stateCheck().preserved()).as(strategy + ": " + r.stateCheck().detail()).isFalse();
        }
    }
}

package io.mecmig.docker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.StartGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A start held at its gate on a real testbed dockerd, through the testbed's runtime {@value StartGate#RUNTIME}: the
 * container's command (which leaves a file in a folder of this machine, where the testbed's hosts are) runs only once
 * the gate opens; an aborted gate fails the start and leaves the container removable; a later start is plain.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartGateIT {

    private static final String NAME = "mecmig-gate-it";

    private TestbedDocker bed;
    private DockerHost host;
    private String image;
    private Path out;

    @BeforeAll
    void up() throws Exception {
        bed = new TestbedDocker();
        host = bed.source;
        image = bed.deployFresh("ba").image(); // an app image: busybox's sh and sleep
        out = Files.createTempDirectory("mecmig-gate-it");
    }

    @AfterEach
    void removeContainer() {
        host.removeContainer(NAME);
    }

    @AfterAll
    void down() throws Exception {
        if (bed != null) {
            bed.close();
        }
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(out);
    }

    /** A container whose command leaves {@code out/ran}, created with the gated runtime; its full id. */
    private String create() throws Exception {
        Files.deleteIfExists(out.resolve("ran"));
        HostConfig config = HostConfig.newHostConfig().withRuntime(StartGate.RUNTIME)
                .withBinds(new Bind(out.toString(), new Volume("/out")));
        return host.docker().createContainerCmd(image).withName(NAME).withHostConfig(config)
                .withEntrypoint("sh", "-c", "touch /out/ran; exec sleep 60").exec().getId();
    }

    private boolean ran(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!Files.exists(out.resolve("ran")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return Files.exists(out.resolve("ran"));
    }

    @Test
    void aHeldStartRunsTheCommandOnlyOnceTheGateOpensAndALaterStartIsPlain() throws Exception {
        assertThat(StartGate.offeredBy(host, StartGate.Stage.START)).as("the testbed's dockerd offers the runtime with gates").isTrue();
        String id = create();
        try (StartGate gate = StartGate.arm(host, id, StartGate.Stage.START, Duration.ofSeconds(60))) {
            CompletableFuture<Void> started = host.startAsync(id);
            gate.awaitHeld(Duration.ofSeconds(30), started);
            assertThat(ran(Duration.ofMillis(500))).as("the command did not run while held").isFalse();
            assertThat(started).isNotDone();

            gate.open();
            started.get(30, TimeUnit.SECONDS);
            assertThat(ran(Duration.ofSeconds(5))).as("the command ran once the gate opened").isTrue();
        }
        assertThat(host.isRunning(NAME)).isTrue();

        host.stop(NAME, Duration.ZERO);
        Files.delete(out.resolve("ran"));
        host.start(NAME); // no gate armed: the runtime is runc
        assertThat(ran(Duration.ofSeconds(5))).isTrue();
        assertThat(host.isRunning(NAME)).isTrue();
    }

    @Test
    void anAbortedGateFailsTheStartAndLeavesTheContainerRemovable() throws Exception {
        String id = create();
        CompletableFuture<Void> started;
        try (StartGate gate = StartGate.arm(host, id, StartGate.Stage.START, Duration.ofSeconds(60))) {
            started = host.startAsync(id);
            gate.awaitHeld(Duration.ofSeconds(30), started);
            gate.abort();
        }
        assertThatThrownBy(() -> started.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(ran(Duration.ofMillis(200))).isFalse();
        assertThat(host.isRunning(NAME)).isFalse();
        host.removeContainer(NAME);
        assertThat(host.hasContainer(NAME)).isFalse();
        assertThat(Path.of(StartGate.path(id, StartGate.Stage.START))).doesNotExist();
    }
}

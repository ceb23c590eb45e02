package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.mecmig.docker.catalog.AppCatalog;
import io.mecmig.docker.catalog.AppDeployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape of an app container and of its network sandbox, as dockerd receives them, in both network modes. */
class NetworkSandboxTest {

    private static final ContainerLaunch USPA = new ContainerLaunch("mec-uspa", "mecmig/uspa:latest", List.of(),
            List.of("UE_ADDRESS=10.100.0.1"), Map.of("uspa-data", "/data"), 8080, 18082,
            List.of("mec-gateway:10.77.1.1"));

    /** A create command that is only filled and read, never sent. */
    private static CreateContainerCmd blank(String image) {
        return new CreateContainerCmdImpl(cmd -> {
            throw new AssertionError("a unit test sends nothing to dockerd");
        }, null, image);
    }

    @Test
    void dockerModeContainerMeansSandboxAnythingElseBridge() {
        assertThat(NetworkMode.ofDocker("container:3f1c9a")).isEqualTo(NetworkMode.SANDBOX);
        assertThat(NetworkMode.joinedContainer("container:mec-ba-net")).contains("mec-ba-net");
        for (String own : new String[] {"default", "bridge", "host", "mynet", "container:", null}) {
            assertThat(NetworkMode.ofDocker(own)).as(own).isEqualTo(NetworkMode.BRIDGE);
        }
    }

    @Test
    void modeNamesParseAndUnknownOnesSayTheChoices() {
        assertThat(NetworkMode.parse(" Sandbox ")).isEqualTo(NetworkMode.SANDBOX);
        assertThat(NetworkMode.parse("bridge")).isEqualTo(NetworkMode.BRIDGE);
        assertThatThrownBy(() -> NetworkMode.parse("host")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'host'").hasMessageContaining("bridge, sandbox");
    }

    @Test
    void onTheBridgeTheAppPublishesItsPortAndCarriesItsHosts() {
        CreateContainerCmd c = DockerHost.shape(blank(USPA.image()), USPA, "10.77.1.2");
        assertThat(c.getName()).isEqualTo("mec-uspa");
        assertThat(c.getHostConfig().getNetworkMode()).isNull();
        assertThat(c.getExposedPorts()).containsExactly(ExposedPort.tcp(8080));
        Ports.Binding[] b = c.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8080));
        assertThat(b).containsExactly(Ports.Binding.bindIpAndPort("10.77.1.2", 18082));
        assertThat(c.getHostConfig().getExtraHosts()).containsExactly("mec-gateway:10.77.1.1");
        assertThat(c.getHostConfig().getBinds()).hasSize(1);
        assertThat(c.getHostConfig().getRuntime()).isNull();
        assertThat(c.getHostConfig().getIpcMode()).isNull(); // dockerd's default: a /dev/shm of its own
        assertThat(DockerHost.shape(blank(USPA.image()), USPA.withIpc("none"), "10.77.1.2").getHostConfig()
                .getIpcMode()).isEqualTo("none");
    }

    @Test
    void inASandboxTheAppJoinsItAndTheSandboxPublishesThePortWithTheHosts() {
        ContainerLaunch inSandbox = USPA.withNetwork(NetworkMode.SANDBOX).withRuntime("mecmig-restore");
        CreateContainerCmd app = DockerHost.shape(blank(USPA.image()), inSandbox, "10.77.2.2");
        assertThat(app.getHostConfig().getNetworkMode()).isEqualTo("container:mec-uspa-net");
        // dockerd refuses all three on a container that joins another's namespace
        assertThat(app.getExposedPorts()).isNullOrEmpty();
        assertThat(app.getHostConfig().getPortBindings()).isNull();
        assertThat(app.getHostConfig().getExtraHosts()).isNullOrEmpty();
        assertThat(app.getHostConfig().getBinds()).hasSize(1);
        assertThat(app.getHostConfig().getRuntime()).isEqualTo("mecmig-restore");
        assertThat(app.getEnv()).containsExactly("UE_ADDRESS=10.100.0.1");

        CreateContainerCmd sandbox = NetworkSandbox.shape(blank(USPA.image()), inSandbox, "10.77.2.2");
        assertThat(sandbox.getName()).isEqualTo("mec-uspa-net").isEqualTo(DockerHost.sandboxName("mec-uspa"));
        assertThat(sandbox.getImage()).isEqualTo("mecmig/uspa:latest");
        assertThat(sandbox.getEntrypoint()).containsExactly("sleep", "infinity");
        assertThat(sandbox.getLabels()).containsEntry(NetworkSandbox.LABEL, "mec-uspa");
        assertThat(sandbox.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8080)))
                .containsExactly(Ports.Binding.bindIpAndPort("10.77.2.2", 18082));
        assertThat(sandbox.getHostConfig().getExtraHosts()).containsExactly("mec-gateway:10.77.1.1");
        assertThat(sandbox.getHostConfig().getBinds()).isNullOrEmpty(); // the app's volumes stay the app's
        assertThat(sandbox.getHostConfig().getRuntime()).isNull(); // a sandbox is never restored
    }

    @Test
    void theTargetKeepsTheSourcesModePortAndHosts() {
        SourceLayout layout = new SourceLayout(Map.of("uspa-data", "/data"), 18082, List.of("mec-gateway:10.77.1.1"),
                NetworkMode.SANDBOX);
        ContainerLaunch target = layout.targetLaunch("mec-uspa", "mecmig/mec-uspa:m1", List.of(), 8080);
        assertThat(target.network()).isEqualTo(NetworkMode.SANDBOX);
        assertThat(target.hostPort()).isEqualTo(18082);
        assertThat(target.extraHosts()).containsExactly("mec-gateway:10.77.1.1");
        assertThat(target.volumes()).containsEntry("uspa-data", "/data");
        assertThat(target.runtime()).isEmpty();
        assertThat(target.ipc()).isEmpty();
        assertThat(new SourceLayout(Map.of(), 18081, List.of(), NetworkMode.BRIDGE)
                .targetLaunch("mec-ba", "i", List.of(), 8080).network()).isEqualTo(NetworkMode.BRIDGE);
        // a source without /dev/shm: the target neither (CRIU restores the source's mounts into it)
        assertThat(new SourceLayout(Map.of(), 18081, List.of(), NetworkMode.SANDBOX, true)
                .targetLaunch("mec-ba", "i", List.of(), 8080).ipc()).contains(ContainerLaunch.IPC_WITHOUT_SHM);
    }

    @Test
    void theCatalogDeploysOnTheBridgeUnlessToldToUseASandbox() {
        AppDeployment ba = AppCatalog.deployment("ba", "10.77.1.1");
        assertThat(ba.network()).isEqualTo(NetworkMode.BRIDGE);
        assertThat(ba.launch().network()).isEqualTo(NetworkMode.BRIDGE);
        AppDeployment sandboxed = ba.withNetwork(NetworkMode.SANDBOX).withEnv("UE_ADDRESS", "10.100.0.1")
                .withImage("mecmig/ba:other");
        assertThat(sandboxed.launch().network()).isEqualTo(NetworkMode.SANDBOX);
        assertThat(sandboxed.launch().extraHosts()).containsExactly("mec-gateway:10.77.1.1");
        assertThat(sandboxed.launch().hostPort()).isEqualTo(18081);
        // the sample apps use no shared memory: no /dev/shm for CRIU to archive and unpack inside the downtime
        assertThat(ba.launch().ipc()).contains("none");
        assertThat(sandboxed.launch().ipc()).contains("none");
    }
}

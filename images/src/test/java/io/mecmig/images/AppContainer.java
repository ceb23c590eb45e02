package io.mecmig.images;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One app container for the integration tests: created from an {@link AppImage}, ports published on 127.0.0.1. */
final class AppContainer implements AutoCloseable {

    /** Engine of the integration tests: {@code -Dmecmig.docker.engine=unix:///...}, else the host's dockerd. */
    static final URI ENGINE = URI.create(System.getProperty("mecmig.docker.engine", "unix:///var/run/docker.sock"));

    final DockerClient docker;
    final AppImage image;
    final String id;
    final String name;

    private AppContainer(DockerClient docker, AppImage image, String id, String name) {
        this.docker = docker;
        this.image = image;
        this.id = id;
        this.name = name;
    }

    /**
     * Creates the container of {@code image} with extra ENV, USPA's volume bound to {@code volume} (if not null) and
     * the gateway name mapped to {@code gatewayIp}; the image's own CMD, ENV and WORKDIR do the rest.
     */
    static AppContainer create(DockerClient docker, AppImage image, Map<String, String> env, String volume, String gatewayIp) {
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        Ports ports = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (int port : image.exposedPorts()) {
            ExposedPort p = ExposedPort.tcp(port);
            exposed.add(p);
            ports.bind(p, Ports.Binding.bindIp("127.0.0.1"));
        }
        HostConfig host = HostConfig.newHostConfig().withPortBindings(ports).withExtraHosts("mec-gateway:" + gatewayIp);
        if (volume != null) {
            host.withBinds(new Bind(volume, new Volume(image.volume().orElseThrow())));
        }
        String name = "mecmig-it-" + image.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String id = docker.createContainerCmd(image.latest()).withName(name).withEnv(envList)
                .withExposedPorts(exposed).withHostConfig(host).exec().getId();
        return new AppContainer(docker, image, id, name);
    }

    void start() {
        docker.startContainerCmd(id).exec();
    }

    void stop() {
        docker.stopContainerCmd(id).withTimeout(5).exec();
    }

    /** The host port (on 127.0.0.1) published for container port {@code port}. */
    int hostPort(int port) {
        Ports.Binding[] bindings = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(port));
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    AppStatusClient status() {
        return new AppStatusClient(URI.create("http://127.0.0.1:" + hostPort(image.statusPort())));
    }

    boolean running() {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
    }

    /** VmRSS of the container's processes, in kB, from /proc inside it (busybox is in the base image). */
    long rssKilobytes() throws Exception {
        String out = exec("sh", "-c", "cat /proc/[0-9]*/status | grep VmRSS");
        long total = 0;
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2) {
                total += Long.parseLong(parts[1]);
            }
        }
        return total;
    }

    String exec(String... command) throws Exception {
        String execId = docker.execCreateCmd(id).withCmd(command).withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        docker.execStartCmd(execId).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame frame) {
                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return out.toString();
    }

    String logs() throws Exception {
        StringBuilder out = new StringBuilder();
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame frame) {
                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(20, java.util.concurrent.TimeUnit.SECONDS);
        return out.toString();
    }

    @Override
    public void close() {
        docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec(); // and its anonymous volume (USPA without a named one)
    }
}

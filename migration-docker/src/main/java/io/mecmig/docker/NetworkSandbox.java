package io.mecmig.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import java.util.Map;
import java.util.Optional;

/**
 * The network sandbox of an app container in {@link NetworkMode#SANDBOX}: a container {@code <app>-net} of the app's
 * own image running {@code sleep infinity}, which holds the network namespace, publishes the app's port on the host's
 * service address and carries the {@code --add-host} lines (Docker refuses both on a container that joins another's
 * namespace). The app container joins it with {@code --network container:<app>-net}.
 *
 * <p>Why: for a container with a namespace of its own, dockerd builds the network (veth, addresses, iptables, port
 * proxy) in an OCI hook at every start, about 0.3 s here, and CRIU waits for that hook at every restore. A container
 * joining a running sandbox skips it; the target's sandbox is made before the downtime.
 */
final class NetworkSandbox {

    /** The label that marks a sandbox, its value the app container it serves; only such containers are removed. */
    static final String LABEL = "io.mecmig.network-sandbox-of";

    private NetworkSandbox() {
    }

    /** The sandbox's container name for the app container {@code container}. */
    static String nameFor(String container) {
        return container + "-net";
    }

    /** Docker's network mode value that joins the sandbox of {@code container}. */
    static String joinMode(String container) {
        return "container:" + nameFor(container);
    }

    /**
     * Creates and starts the sandbox for {@code launch} (its image, port and hosts lines) unless it runs already; one
     * that exists but stopped is started. An image without {@code sleep} fails with the fix.
     */
    static void ensure(DockerClient docker, String serviceHost, ContainerLaunch launch) {
        String name = nameFor(launch.name());
        Optional<InspectContainerResponse> existing = inspect(docker, name);
        if (existing.isPresent() && !isSandboxOf(existing.get(), launch.name())) {
            throw new IllegalStateException("a container " + name + " exists that is not the network sandbox of "
                    + launch.name() + " (no label " + LABEL + "=" + launch.name() + "): remove or rename it (docker rm -f "
                    + name + "), or run the app on Docker's bridge (--network bridge)");
        }
        if (existing.isPresent() && Boolean.TRUE.equals(existing.get().getState().getRunning())) {
            return;
        }
        if (existing.isEmpty()) {
            try (CreateContainerCmd create = docker.createContainerCmd(launch.image())) {
                shape(create, launch, serviceHost).exec();
            }
        }
        try {
            docker.startContainerCmd(name).exec();
        } catch (DockerException e) {
            remove(docker, launch.name());
            if (String.valueOf(e.getMessage()).contains("sleep")) {
                throw new IllegalStateException("the network sandbox " + name + " cannot run 'sleep infinity' from image "
                        + launch.image() + " (" + e.getMessage().strip() + "): put a sleep program in the image"
                        + " (coreutils or busybox), or run the app on Docker's bridge (NetworkMode.BRIDGE,"
                        + " --network bridge on the command line)", e);
            }
            throw e;
        }
    }

    /**
     * Fills {@code create} with the sandbox of {@code launch}: its name and label, the app's image running
     * {@code sleep infinity}, the app's port published on {@code serviceHost} and the app's hosts lines.
     */
    static CreateContainerCmd shape(CreateContainerCmd create, ContainerLaunch launch, String serviceHost) {
        HostConfig hostConfig = HostConfig.newHostConfig();
        DockerHost.holdNetwork(create, hostConfig, launch, serviceHost);
        return create.withName(nameFor(launch.name())).withEntrypoint("sleep", "infinity")
                .withLabels(Map.of(LABEL, launch.name())).withHostConfig(hostConfig);
    }

    /** The sandbox of {@code container}, if there is one of its name and label. */
    static Optional<InspectContainerResponse> find(DockerClient docker, String container) {
        return inspect(docker, nameFor(container)).filter(c -> isSandboxOf(c, container));
    }

    /** Removes the sandbox of {@code container} (its app container must be gone first); a missing one is fine. */
    static void remove(DockerClient docker, String container) {
        if (find(docker, container).isPresent()) {
            try {
                docker.removeContainerCmd(nameFor(container)).withForce(true).exec();
            } catch (NotFoundException e) {
                // already gone
            }
        }
    }

    private static boolean isSandboxOf(InspectContainerResponse c, String container) {
        Map<String, String> labels = c.getConfig() == null ? null : c.getConfig().getLabels();
        return labels != null && container.equals(labels.get(LABEL));
    }

    private static Optional<InspectContainerResponse> inspect(DockerClient docker, String name) {
        try {
            return Optional.of(docker.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}

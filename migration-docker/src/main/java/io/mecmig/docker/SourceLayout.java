package io.mecmig.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the target's {@code docker run} must repeat from the source container: where its volumes are mounted,
 * which host port it publishes, its hosts lines and how it is attached to the network. Read from
 * {@code docker inspect} in pre-relocation.
 *
 * @param volumes volume name to mount path
 * @param hostPort the host port of the app's service port (its network sandbox's, in sandbox mode)
 * @param extraHosts the source's {@code --add-host} entries (its network sandbox's, in sandbox mode)
 * @param network the source's network mode, which the target keeps: a checkpoint restores only into the same kind
 * @param withoutShm whether the source runs without a {@code /dev/shm} ({@code --ipc none}), which the target keeps:
 *     its restored mounts match the source's
 */
public record SourceLayout(Map<String, String> volumes, int hostPort, List<String> extraHosts, NetworkMode network,
                           boolean withoutShm) {

    public SourceLayout {
        volumes = Map.copyOf(new LinkedHashMap<>(volumes));
        extraHosts = List.copyOf(extraHosts);
        Objects.requireNonNull(network, "network");
    }

    /** A source with Docker's default IPC mode (a {@code /dev/shm} of its own). */
    public SourceLayout(Map<String, String> volumes, int hostPort, List<String> extraHosts, NetworkMode network) {
        this(volumes, hostPort, extraHosts, network, false);
    }

    /**
     * The target's container of this layout: {@code container} from {@code image} with {@code command} (empty keeps
     * the image's), the source's volumes, port, hosts lines, network mode and {@code /dev/shm} or not, Docker's
     * default runtime.
     */
    public ContainerLaunch targetLaunch(String container, String image, List<String> command, int servicePort) {
        return new ContainerLaunch(container, image, command, List.of(), volumes, servicePort, hostPort, extraHosts)
                .withNetwork(network).withIpc(withoutShm ? ContainerLaunch.IPC_WITHOUT_SHM : null);
    }
}

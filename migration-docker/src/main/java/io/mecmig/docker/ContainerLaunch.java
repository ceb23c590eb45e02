package io.mecmig.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DockerHost#run} needs to start a container: the paper's {@code docker run} line.
 *
 * @param name the container's name
 * @param image the image to run
 * @param command the command; empty keeps the image's own CMD (FCCP), SFP gives it by hand
 * @param env extra {@code NAME=value} variables; empty keeps only the image's
 * @param volumes Docker volume name to mount path in the container
 * @param servicePort the container port where the app answers /health and /state
 * @param hostPort the port it is published on, on the host's service address
 * @param extraHosts {@code name:address} lines for the container's /etc/hosts ({@code --add-host}); a run
 *     option, so neither export nor commit carries it: every target run repeats the source's
 * @param network how the container is attached: in {@link NetworkMode#SANDBOX} the port and the hosts lines
 *     go to its network sandbox, which {@link DockerHost#create} makes when it is missing
 * @param runtime the OCI runtime Docker runs it with; empty for dockerd's default
 * @param ipc Docker's IPC mode ({@code --ipc}); empty for dockerd's default (a private namespace with a
 *     {@code /dev/shm} tmpfs). {@value #IPC_WITHOUT_SHM} gives a private namespace without {@code /dev/shm}: one tmpfs
 *     less that CRIU would archive at every checkpoint and unpack at every restore, for apps that use no POSIX
 *     shared memory
 */
public record ContainerLaunch(String name, String image, List<String> command, List<String> env,
                              Map<String, String> volumes, int servicePort, int hostPort,
                              List<String> extraHosts, NetworkMode network, Optional<String> runtime,
                              Optional<String> ipc) {

    /** Docker's IPC mode of a private IPC namespace without a {@code /dev/shm} mount. */
    public static final String IPC_WITHOUT_SHM = "none";

    public ContainerLaunch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(ipc, "ipc");
        command = List.copyOf(command);
        env = List.copyOf(env);
        volumes = Map.copyOf(new LinkedHashMap<>(volumes));
        extraHosts = List.copyOf(extraHosts);
    }

    /** A container on Docker's bridge with the default runtime, as the paper ran its apps. */
    public ContainerLaunch(String name, String image, List<String> command, List<String> env,
                           Map<String, String> volumes, int servicePort, int hostPort, List<String> extraHosts) {
        this(name, image, command, env, volumes, servicePort, hostPort, extraHosts, NetworkMode.BRIDGE, Optional.empty(),
                Optional.empty());
    }

    /** The same launch attached as {@code mode} says. */
    public ContainerLaunch withNetwork(NetworkMode mode) {
        return new ContainerLaunch(name, image, command, env, volumes, servicePort, hostPort, extraHosts, mode, runtime,
                ipc);
    }

    /** The same launch run by the OCI runtime registered in dockerd as {@code runtimeName}. */
    public ContainerLaunch withRuntime(String runtimeName) {
        return new ContainerLaunch(name, image, command, env, volumes, servicePort, hostPort, extraHosts, network,
                Optional.of(runtimeName), ipc);
    }

    /** The same launch in Docker's IPC mode {@code mode} ({@code --ipc}); null or empty keeps dockerd's default. */
    public ContainerLaunch withIpc(String mode) {
        return new ContainerLaunch(name, image, command, env, volumes, servicePort, hostPort, extraHosts, network,
                runtime, Optional.ofNullable(mode).filter(m -> !m.isBlank()));
    }
}

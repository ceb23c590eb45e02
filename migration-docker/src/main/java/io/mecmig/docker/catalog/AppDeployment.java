package io.mecmig.docker.catalog;

import io.mecmig.core.AppSpec;
import io.mecmig.docker.ContainerLaunch;
import io.mecmig.docker.NetworkMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sample app as deployed on a host: its {@link AppSpec} for the migration engine, plus what the first
 * {@code docker run} on the source needs (image, configuration in ENV, volume mounts, published port).
 *
 * @param key the short name users type: {@code ba}, {@code uspa}, {@code asw}
 * @param spec what the engine migrates
 * @param image the image the app is first run from
 * @param env extra {@code NAME=value} at the first run (the image's own ENV holds the apps' configuration);
 *     like the image's ENV, {@code export}/{@code import} (SFP) loses it and {@code commit}/{@code save} keeps it
 * @param volumeMounts volume name to mount path
 * @param extraHosts {@code name:address} entries for the container's /etc/hosts (the MEC gateway)
 * @param hostPort where the app's service port is published on the host's service address
 * @param network how the app container is attached: in a network sandbox {@code <container>-net} that publishes its
 *     port, or on Docker's bridge publishing it itself (the paper's deployment); migrations keep it
 */
public record AppDeployment(String key, AppSpec spec, String image, List<String> env,
                            Map<String, String> volumeMounts, List<String> extraHosts, int hostPort,
                            NetworkMode network) {

    public AppDeployment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(network, "network");
        env = List.copyOf(env);
        volumeMounts = Map.copyOf(new LinkedHashMap<>(volumeMounts));
        extraHosts = List.copyOf(extraHosts);
        if (!volumeMounts.keySet().containsAll(spec.volumes())) {
            throw new IllegalArgumentException("app " + key + " declares volumes " + spec.volumes()
                    + " but mounts only " + volumeMounts.keySet());
        }
    }

    /** As the paper deployed it: on Docker's bridge. */
    public AppDeployment(String key, AppSpec spec, String image, List<String> env,
                         Map<String, String> volumeMounts, List<String> extraHosts, int hostPort) {
        this(key, spec, image, env, volumeMounts, extraHosts, hostPort, NetworkMode.BRIDGE);
    }

    /**
     * The first {@code docker run} on the source, from the image with its own CMD and ENV; in
     * {@link NetworkMode#SANDBOX} the port and hosts lines go to the sandbox {@code DockerHost.create} makes. Without a
     * {@code /dev/shm} ({@code --ipc none}): the sample apps use no POSIX shared memory (their JVMs run with
     * {@code -XX:-UsePerfData}, memcached keeps its cache in its heap), and every checkpoint would archive that empty
     * tmpfs inside the downtime, every restore unpack it; migrations keep the mode.
     */
    public ContainerLaunch launch() {
        return new ContainerLaunch(spec.container(), image, List.of(), env, volumeMounts, spec.servicePort(), hostPort,
                extraHosts).withNetwork(network).withIpc(ContainerLaunch.IPC_WITHOUT_SHM);
    }

    /** The same app attached to the network as {@code mode} says. */
    public AppDeployment withNetwork(NetworkMode mode) {
        return new AppDeployment(key, spec, image, env, volumeMounts, extraHosts, hostPort, mode);
    }

    /** The same app from another image or with other ENV (for example another gateway URL). */
    public AppDeployment withImage(String otherImage) {
        if (otherImage == null || otherImage.isBlank() || otherImage.equals(AppCatalog.DEFAULT_IMAGE)) {
            return this;
        }
        return new AppDeployment(key, spec, otherImage, env, volumeMounts, extraHosts, hostPort, network);
    }

    /** The same app with one more (or a replaced) {@code NAME=value}. */
    public AppDeployment withEnv(String name, String value) {
        List<String> next = new ArrayList<>(env.stream().filter(e -> !e.startsWith(name + "=")).toList());
        next.add(name + "=" + value);
        return new AppDeployment(key, spec, image, next, volumeMounts, extraHosts, hostPort, network);
    }
}

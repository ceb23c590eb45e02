package io.mecmig.docker;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How an app container is attached to its host's network. A migration keeps the source's mode on the target: a
 * checkpoint of a container in a sandbox restores only into a sandbox (CRIU keeps its network namespace external),
 * and one of a bridge container only into a namespace of its own.
 */
public enum NetworkMode {

    /**
     * Docker's default bridge: the app container gets its own network namespace and publishes its port itself
     * ({@code -p}), as the paper ran it. Docker builds that namespace (veth, addresses, iptables, proxy) at every
     * start of the container, inside the downtime of a migration.
     */
    BRIDGE("bridge"),

    /**
     * A network sandbox, like a Kubernetes pause container: a container named {@code <app>-net} holds the network
     * namespace, publishes the app's port and carries its {@code --add-host} lines; the app container joins it
     * ({@code --network container:<app>-net}). The target's sandbox is made before the downtime, so the app's
     * start skips Docker's network set-up.
     */
    SANDBOX("sandbox");

    private static final String CONTAINER = "container:";

    private final String cliName;

    NetworkMode(String cliName) {
        this.cliName = cliName;
    }

    /** The word users type: {@code bridge} or {@code sandbox}. */
    public String cliName() {
        return cliName;
    }

    /** The mode named by {@code text} ({@code bridge} or {@code sandbox}, any case). */
    public static NetworkMode parse(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(word)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown network mode '" + text + "': use one of "
                        + Arrays.stream(values()).map(NetworkMode::cliName).collect(Collectors.joining(", "))));
    }

    /**
     * The mode of a container whose {@code HostConfig.NetworkMode} (as {@code docker inspect} gives it) is
     * {@code dockerMode}: {@link #SANDBOX} when it joins another container's namespace ({@code container:<id>}),
     * else {@link #BRIDGE} (a namespace of its own).
     */
    public static NetworkMode ofDocker(String dockerMode) {
        return joinedContainer(dockerMode).isPresent() ? SANDBOX : BRIDGE;
    }

    /** The container (id or name) whose namespace the Docker network mode {@code dockerMode} joins, if any. */
    static Optional<String> joinedContainer(String dockerMode) {
        return dockerMode != null && dockerMode.startsWith(CONTAINER) && dockerMode.length() > CONTAINER.length()
                ? Optional.of(dockerMode.substring(CONTAINER.length())) : Optional.empty();
    }

    @Override
    public String toString() {
        return cliName;
    }
}

package io.mecmig.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app to move: its container, its volumes, what state it needs kept, and how to tell it is ready and
 * what its state is. Built with {@link #builder(String)}; every name is validated on {@code build()}.
 *
 * @param container the container's name on the source host
 * @param volumes Docker volumes the app keeps user state in; they move with it
 * @param servicePort the container port where the app answers its readiness and state checks
 * @param needs how much state the app needs carried over
 * @param readiness how to tell the app is serving
 * @param readinessTimeout how long the target may take to become ready before the move counts as failed
 * @param stateProbe how to read and judge the app's state
 * @param phaseEndpoint for migration-aware apps, the path that is told the migration phase
 *     ({@code ?inMigration=1} on entering relocation, without the flag on leaving it)
 * @param command the container's command, for strategies that cannot carry it (SFP gives it by hand)
 */
public record AppSpec(
        String container,
        List<String> volumes,
        int servicePort,
        StateNeeds needs,
        Readiness readiness,
        Duration readinessTimeout,
        StateProbe stateProbe,
        Optional<String> phaseEndpoint,
        List<String> command) {

    /**
     * Validates every name and value; see the record components.
     *
     * @param container the container's name on the source host
     * @param volumes Docker volumes the app keeps user state in; they move with it
     * @param servicePort the container port where the app answers its readiness and state checks
     * @param needs how much state the app needs carried over
     * @param readiness how to tell the app is serving
     * @param readinessTimeout how long the target may take to become ready before the move counts as failed
     * @param stateProbe how to read and judge the app's state
     * @param phaseEndpoint for migration-aware apps, the path that is told the migration phase
     *     ({@code ?inMigration=1} on entering relocation, without the flag on leaving it)
     * @param command the container's command, for strategies that cannot carry it (SFP gives it by hand)
     */
    public AppSpec {
        Names.requireObjectName("container", container);
        volumes = List.copyOf(volumes);
        volumes.forEach(v -> Names.requireObjectName("volume", v));
        if (servicePort < 1 || servicePort > 65535) {
            throw new InvalidMigrationException("service port " + servicePort + " of app '" + container
                    + "' is out of range: use the container port where the app answers, 1 to 65535");
        }
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(stateProbe, "stateProbe");
        Objects.requireNonNull(phaseEndpoint, "phaseEndpoint");
        if (readinessTimeout.isNegative() || readinessTimeout.isZero()) {
            throw new InvalidMigrationException("readiness timeout must be positive, got " + readinessTimeout);
        }
        command = List.copyOf(command);
    }

    /**
     * Starts an app spec for the container named {@code container}.
     *
     * @param container the container's name on the source host
     * @return a builder with the defaults below
     */
    public static Builder builder(String container) {
        return new Builder(container);
    }

    /** Fluent construction with sensible defaults: no volumes, no state, ready on {@code GET /health}. */
    public static final class Builder {
        private final String container;
        private final List<String> volumes = new ArrayList<>();
        private int servicePort = 8080;
        private StateNeeds needs = StateNeeds.NONE;
        private Readiness readiness = Readiness.http("/health");
        private Duration readinessTimeout = Duration.ofSeconds(30);
        private StateProbe stateProbe = StateProbe.none();
        private String phaseEndpoint;
        private List<String> command = List.of();

        private Builder(String container) {
            this.container = container;
        }

        /**
         * Adds a Docker volume the app keeps user state in.
         *
         * @param name the volume's name
         * @return this builder
         */
        public Builder volume(String name) {
            volumes.add(name);
            return this;
        }

        /**
         * The container port where the app answers readiness and state checks (default 8080).
         *
         * @param port a container port, 1 to 65535
         * @return this builder
         */
        public Builder servicePort(int port) {
            this.servicePort = port;
            return this;
        }

        /**
         * How much state the app needs carried (default {@link StateNeeds#NONE}).
         *
         * @param needs what state the app needs kept
         * @return this builder
         */
        public Builder needs(StateNeeds needs) {
            this.needs = needs;
            return this;
        }

        /**
         * How to tell the app serves (default {@code GET /health} answers 2xx).
         *
         * @param readiness the readiness check
         * @return this builder
         */
        public Builder readiness(Readiness readiness) {
            this.readiness = readiness;
            return this;
        }

        /**
         * How long the app may take to become ready on the target (default 30 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readinessTimeout(Duration timeout) {
            this.readinessTimeout = timeout;
            return this;
        }

        /**
         * How to read and judge the app's state (default: no state).
         *
         * @param probe the state probe
         * @return this builder
         */
        public Builder stateProbe(StateProbe probe) {
            this.stateProbe = probe;
            return this;
        }

        /**
         * How to read and judge the app's state, from a JSON probe builder.
         *
         * @param probe the probe's builder, with its rules
         * @return this builder
         */
        public Builder stateProbe(JsonStateProbe.Builder probe) {
            return stateProbe(probe.build());
        }

        /**
         * The path of a migration-aware app's phase endpoint, e.g. {@code /changePhase}.
         *
         * @param path the endpoint's path
         * @return this builder
         */
        public Builder phaseEndpoint(String path) {
            this.phaseEndpoint = path;
            return this;
        }

        /**
         * The container's command, for strategies that must give it by hand.
         *
         * @param command the command and its arguments
         * @return this builder
         */
        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        /**
         * Validates and builds the spec.
         *
         * @return the app spec
         * @throws InvalidMigrationException naming a name or value that is not valid
         */
        public AppSpec build() {
            return new AppSpec(container, volumes, servicePort, needs, readiness, readinessTimeout, stateProbe,
                    Optional.ofNullable(phaseEndpoint), command);
        }
    }
}

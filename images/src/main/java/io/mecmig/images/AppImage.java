package io.mecmig.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one app image is and promises: where its configuration lives, so that whoever runs it (the migration
 * engine after {@code docker import}, which drops CMD/ENV/WORKDIR) can give the same configuration by hand.
 *
 * @param name         short name: {@code ba}, {@code uspa}, {@code asw}
 * @param repository   image repository, e.g. {@code mecmig/ba}; tags are {@code latest} and a hash of the inputs
 * @param mainClass    the Java main class
 * @param command      the image's CMD, in exec form; runs with no other input
 * @param env          the image's ENV, in order
 * @param workdir      the image's WORKDIR
 * @param exposedPorts container ports: the status port first (then memcached for ASW)
 * @param volumes      container paths declared as VOLUME (USPA's {@link AppImages#USPA_VOLUME}); empty for the others
 * @param training     what the build's CDS training run of the app has beside it (see {@link CdsTraining})
 */
public record AppImage(String name, String repository, String mainClass, List<String> command, Map<String, String> env,
                       String workdir, List<Integer> exposedPorts, List<String> volumes, CdsTraining training) {

    public AppImage {
        command = List.copyOf(command);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        java.util.Objects.requireNonNull(training, "training");
    }

    /** {@code repository:latest}, the tag the latest build moves to. */
    public String latest() {
        return repository + ":latest";
    }

    /** The port inside the container of {@code /health} and {@code /state}. */
    public int statusPort() {
        return exposedPorts.get(0);
    }

    /** The volume's container path, if the app has one. */
    public Optional<String> volume() {
        return volumes.stream().findFirst();
    }

    /** ENV as {@code KEY=VALUE} strings, the form {@code docker run --env} and the Engine API take. */
    public List<String> envList() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}

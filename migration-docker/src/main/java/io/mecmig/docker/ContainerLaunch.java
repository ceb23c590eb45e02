package io.mecmig.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 */
public record ContainerLaunch(String name, String image, List<String> command, List<String> env,
                              Map<String, String> volumes, int servicePort, int hostPort,
                              List<String> extraHosts) {

    public ContainerLaunch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        env = List.copyOf(env);
        volumes = Map.copyOf(new LinkedHashMap<>(volumes));
        extraHosts = List.copyOf(extraHosts);
    }
}

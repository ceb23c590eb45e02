package io.mecmig.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the target's {@code docker run} must repeat from the source container: where its volumes are mounted
 * and which host port it publishes. Read from {@code docker inspect} in pre-relocation.
 *
 * @param volumes volume name to mount path
 * @param hostPort the host port of the app's service port
 * @param extraHosts the source's {@code --add-host} entries
 */
public record SourceLayout(Map<String, String> volumes, int hostPort, java.util.List<String> extraHosts) {

    public SourceLayout {
        volumes = Map.copyOf(new LinkedHashMap<>(volumes));
        extraHosts = java.util.List.copyOf(extraHosts);
    }
}

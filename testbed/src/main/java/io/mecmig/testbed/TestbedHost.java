package io.mecmig.testbed;

import io.mecmig.testbed.exec.Command;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * One MEC host of the testbed, as other modules see it.
 *
 * @param name              host name, e.g. {@code meh-src}
 * @param namespace         its network namespace (same as the name)
 * @param dockerSocket      its Docker Engine's unix socket (reachable from the root namespace)
 * @param ssh               how to log in to it from the root namespace
 * @param managementAddress its address on the management veth (reachable from the root namespace)
 * @param gatewayAddress    the root namespace's address as seen from this host and its containers
 *                          (where a MEC sandbox or orchestrator listening in the root namespace is reached)
 * @param bridgeSubnet      its Docker bridge network, routed from the root namespace
 * @param linkAddresses     its own address on the migration link, by peer host name
 * @param dockerTls         its Docker Engine over mutual TLS, as a remote host's would be reached
 */
public record TestbedHost(String name, String namespace, Path dockerSocket, SshEndpoint ssh, String managementAddress,
                          String gatewayAddress, String bridgeSubnet, Map<String, String> linkAddresses,
                          DockerTlsEndpoint dockerTls) {

    public TestbedHost {
        linkAddresses = Map.copyOf(linkAddresses);
    }

    /** The Docker endpoint as a URI, e.g. {@code unix:///run/mecmig/meh-src/docker.sock} (DOCKER_HOST format). */
    public URI dockerUri() {
        return URI.create("unix://" + dockerSocket);
    }

    /** Its own address on the link towards {@code peer}. */
    public String linkAddressTowards(String peer) {
        String address = linkAddresses.get(peer);
        if (address == null) {
            throw new IllegalArgumentException(name + " has no link to '" + peer + "'; its peers: " + linkAddresses.keySet());
        }
        return address;
    }

    /**
     * A command to run inside this host's network namespace (as the host's own processes would:
     * traffic to another host's link address crosses the shaped link).
     */
    public Command command(String... argv) {
        return Netns.in(namespace, argv);
    }
}

package io.mecmig.orchestrator.live;

import io.mecmig.core.Host;
import java.util.Map;
import java.util.Set;

/**
 * The MEC hosts a drive can use, by the names the placement map gives them. A host is asked for with the peer
 * it will exchange data with, because on a testbed with a link per pair of hosts its link address depends on it.
 */
public interface HostDirectory extends AutoCloseable {

    /** Every host name. */
    Set<String> names();

    /**
     * Host {@code name} as seen on its link to {@code peer}.
     *
     * @throws IllegalArgumentException naming the hosts that exist, when there is no such host
     */
    Host host(String name, String peer);

    /** Releases the hosts' connections. */
    @Override
    default void close() {
    }

    /** Hosts whose link address does not depend on the peer. */
    static HostDirectory of(Map<String, ? extends Host> hosts) {
        Map<String, Host> copy = Map.copyOf(hosts);
        return new HostDirectory() {
            @Override
            public Set<String> names() {
                return copy.keySet();
            }

            @Override
            public Host host(String name, String peer) {
                Host h = copy.get(name);
                if (h == null) {
                    throw new IllegalArgumentException("no host '" + name + "' among " + copy.keySet()
                            + ": bring the testbed up with more hosts, or fix the placement map");
                }
                return h;
            }
        };
    }
}

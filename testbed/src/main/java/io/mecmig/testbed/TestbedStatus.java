package io.mecmig.testbed;

import java.util.List;
import java.util.Optional;

/**
 * What is running now.
 *
 * @param hosts    each host's state
 * @param link     each link end's shaping
 * @param lossMethod how loss is made on this kernel (empty when no host namespace exists to probe)
 */
public record TestbedStatus(List<HostStatus> hosts, List<LinkEnd> link, Optional<LossMethod> lossMethod) {

    /**
     * One host's state.
     *
     * @param name              host name
     * @param namespace         true when its namespace exists
     * @param dockerVersion     its engine's version when it answers
     * @param sshAnswering      true when its sshd answers on the management address
     * @param managementAddress its management address
     * @param linkAddresses     its link addresses, "peer=address"
     * @param dockerTls         its dockerd's mutual-TLS listener and whether it answers there
     */
    public record HostStatus(String name, boolean namespace, Optional<String> dockerVersion, boolean sshAnswering,
                             String managementAddress, List<String> linkAddresses, TlsListener dockerTls) {

        /** True when the namespace exists and dockerd (on its socket and its TLS listener) and sshd answer. */
        public boolean healthy() {
            return namespace && dockerVersion.isPresent() && sshAnswering && dockerTls.answering();
        }

        /** What is wrong with this host, e.g. "meh-3: dockerd not answering", or empty when healthy. */
        public Optional<String> problem() {
            if (!namespace) {
                return Optional.of(name + ": no namespace");
            }
            List<String> down = new java.util.ArrayList<>();
            if (dockerVersion.isEmpty()) {
                down.add("dockerd not answering");
            }
            if (!sshAnswering) {
                down.add("sshd not answering on " + managementAddress + ":22");
            }
            if (dockerVersion.isPresent() && !dockerTls.answering()) { // a dockerd that is down says it already
                down.add("dockerd not answering over TLS on " + dockerTls.uri());
            }
            return down.isEmpty() ? Optional.empty() : Optional.of(name + ": " + String.join(", ", down));
        }
    }

    /**
     * A dockerd's Engine API over mutual TLS, as the hosts file of {@code testbed up} reaches it.
     *
     * @param uri       {@code tcp://<management address>:2376}
     * @param answering true when it answered a {@code docker --tlsverify version} with the testbed's client certificate
     */
    public record TlsListener(java.net.URI uri, boolean answering) {
    }

    /**
     * One end of the link.
     *
     * @param host        the host
     * @param iface       the interface in its namespace
     * @param rate        the HTB rate as tc shows it, or "unlimited"
     * @param lossPercent drop probability on this end's egress
     */
    public record LinkEnd(String host, String iface, String rate, double lossPercent) {
    }

    /** True when every host is healthy. */
    public boolean healthy() {
        return !hosts.isEmpty() && hosts.stream().allMatch(HostStatus::healthy);
    }

    /** Every host's problem, or "no hosts" when nothing of the testbed exists; empty when healthy. */
    public List<String> problems() {
        if (hosts.isEmpty()) {
            return List.of("no hosts");
        }
        return hosts.stream().map(HostStatus::problem).flatMap(Optional::stream).toList();
    }
}

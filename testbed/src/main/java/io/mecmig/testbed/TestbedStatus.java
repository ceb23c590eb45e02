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
     */
    public record HostStatus(String name, boolean namespace, Optional<String> dockerVersion, boolean sshAnswering,
                             String managementAddress, List<String> linkAddresses) {

        /** True when the namespace exists and both daemons answer. */
        public boolean healthy() {
            return namespace && dockerVersion.isPresent() && sshAnswering;
        }
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
}

package io.mecmig.images;

import com.github.dockerjava.api.model.Network;
import java.util.List;

/**
 * The address of a Docker bridge network on its host: where a service on the host is reachable from the network's
 * containers. The Engine lists it in the network's IPAM config, but not always: a dockerd's first start on a machine
 * (no docker0 yet, a new network store) lists only the subnet until the daemon restarts (moby/moby#26799), and then
 * the bridge has the subnet's first host address, as Docker's default IPAM gives it.
 */
final class BridgeGateway {

    private BridgeGateway() {
    }

    /**
     * @param network the network as the Engine inspects it
     * @return its gateway, e.g. {@code 172.17.0.1}
     * @throws IllegalStateException when the network has no IPv4 config to read it from
     */
    static String of(Network network) {
        List<Network.Ipam.Config> configs = network.getIpam() == null ? null : network.getIpam().getConfig();
        if (configs == null || configs.isEmpty()) {
            throw new IllegalStateException("Docker's network '" + network.getName() + "' has no IPAM config: "
                    + "recreate it, or restart dockerd so that it makes its default bridge");
        }
        for (Network.Ipam.Config config : configs) {
            if (config.getGateway() != null && !config.getGateway().contains(":")) {
                return config.getGateway();
            }
        }
        for (Network.Ipam.Config config : configs) {
            if (config.getSubnet() != null && !config.getSubnet().contains(":")) {
                return firstHost(config.getSubnet());
            }
        }
        throw new IllegalStateException("Docker's network '" + network.getName() + "' has no IPv4 subnet or gateway: "
                + "give the engine an IPv4 bridge (dockerd --bip)");
    }

    /** {@code 172.17.0.0/16} -> {@code 172.17.0.1}. */
    static String firstHost(String cidr) {
        String[] parts = cidr.split("/", 2)[0].split("\\.");
        if (parts.length != 4) {
            throw new IllegalStateException("not an IPv4 subnet: " + cidr);
        }
        long address = 0;
        for (String part : parts) {
            address = address << 8 | Integer.parseInt(part);
        }
        int prefix = Integer.parseInt(cidr.split("/", 2)[1]);
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        long first = (address & mask) + 1;
        return (first >> 24 & 255) + "." + (first >> 16 & 255) + "." + (first >> 8 & 255) + "." + (first & 255);
    }
}

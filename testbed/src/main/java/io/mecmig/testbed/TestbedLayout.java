package io.mecmig.testbed;

import java.util.ArrayList;
import java.util.List;

/**
 * The address and interface plan of the testbed, computed from the number of hosts (no side effects).
 *
 * <p>With B = 100 x plane (0 for the default testbed):
 * <ul>
 *   <li>host i (1-based) is {@code meh-src}, {@code meh-dst}, then {@code meh-3}, {@code meh-4}, ...
 *       (with the configured prefix instead of {@code meh});</li>
 *   <li>management veth: {@code mgmt-<host>} = 10.77.(B+i).1/30 in the root namespace, {@code mgmt0} =
 *       10.77.(B+i).2/30 in the host;</li>
 *   <li>the host's Docker bridge: 10.77.(B+10 i).1/24, routed from the root namespace through the host's
 *       management address;</li>
 *   <li>the migration link: one veth pair per pair of hosts, the p-th pair in 10.77.B.(4p)/30, named
 *       {@code lk-<peer>} on each side. Two hosts: meh-src 10.77.0.1, meh-dst 10.77.0.2.</li>
 * </ul>
 */
public final class TestbedLayout {

    /**
     * One host's plan.
     *
     * @param index          1-based position
     * @param name           host and network namespace name
     * @param rootInterface  the management veth's end in the root namespace
     * @param rootAddress    that end's address (the root namespace as seen from the host)
     * @param hostAddress    the management address of the host
     * @param bridgeCidr     the host's Docker bridge, as passed to dockerd's --bip
     */
    public record HostPlan(int index, String name, String rootInterface, String rootAddress, String hostAddress,
                           String bridgeCidr) {

        /** The Docker bridge's network, e.g. 10.77.10.0/24. */
        public String bridgeNetwork() {
            return bridgeCidr.replaceFirst("\\.1/24$", ".0/24");
        }
    }

    /**
     * One veth pair of the migration link.
     *
     * @param a          first host's name
     * @param aInterface its end's interface (in namespace a)
     * @param aAddress   its end's address
     * @param b          second host's name
     * @param bInterface its end's interface (in namespace b)
     * @param bAddress   its end's address
     */
    public record LinkPlan(String a, String aInterface, String aAddress, String b, String bInterface, String bAddress) {

        /** True when this link joins the two hosts (either order). */
        public boolean joins(String x, String y) {
            return a.equals(x) && b.equals(y) || a.equals(y) && b.equals(x);
        }
    }

    /** Prefix length of the management and link /30 networks. */
    public static final int P2P_PREFIX = 30;

    private final String prefix;
    private final List<HostPlan> hosts;
    private final List<LinkPlan> links;

    /** The default testbed's plan (prefix meh, plane 0) for {@code count} hosts. */
    public TestbedLayout(int count) {
        this(count, "meh", 0);
    }

    /** The plan of {@code config}'s testbed. */
    public TestbedLayout(TestbedConfig config) {
        this(config.hosts(), config.prefix(), config.plane());
    }

    /** The plan for {@code count} hosts named {@code prefix-...}, with addresses from {@code plane}. */
    public TestbedLayout(int count, String prefix, int plane) {
        if (count < 2 || count > TestbedConfig.MAX_HOSTS) {
            throw new IllegalArgumentException("the testbed has 2 to " + TestbedConfig.MAX_HOSTS + " hosts, not " + count);
        }
        this.prefix = prefix;
        int base = 100 * plane;
        List<HostPlan> h = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = hostName(prefix, i);
            h.add(new HostPlan(i, name, "mgmt-" + name, "10.77." + (base + i) + ".1", "10.77." + (base + i) + ".2",
                    "10.77." + (base + 10 * i) + ".1/24"));
        }
        List<LinkPlan> l = new ArrayList<>();
        int pair = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                String a = h.get(i).name();
                String b = h.get(j).name();
                l.add(new LinkPlan(a, "lk-" + b, "10.77." + base + "." + (4 * pair + 1), b, "lk-" + a,
                        "10.77." + base + "." + (4 * pair + 2)));
                pair++;
            }
        }
        this.hosts = List.copyOf(h);
        this.links = List.copyOf(l);
    }

    /** The name of host {@code index} (1-based) with the given prefix. */
    public static String hostName(String prefix, int index) {
        return switch (index) {
            case 1 -> prefix + "-src";
            case 2 -> prefix + "-dst";
            default -> prefix + "-" + index;
        };
    }

    /** The 1-based index of a host name of this layout's prefix (any host count), or 0 for other names. */
    public int indexOf(String name) {
        for (int i = 1; i <= TestbedConfig.MAX_HOSTS; i++) {
            if (hostName(prefix, i).equals(name)) {
                return i;
            }
        }
        return 0;
    }

    public List<HostPlan> hosts() {
        return hosts;
    }

    public List<LinkPlan> links() {
        return links;
    }

    /** The host called {@code name}. */
    public HostPlan host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host '" + name + "' in a testbed of " + hosts.size()));
    }

    /** The link joining two hosts. */
    public LinkPlan link(String x, String y) {
        return links.stream().filter(l -> l.joins(x, y)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no link between " + x + " and " + y));
    }
}

package io.mecmig.testbed;

import java.util.List;

/**
 * The hosts of a running testbed.
 *
 * @param hosts the hosts, in order: meh-src, meh-dst, meh-3, ...
 */
public record TestbedHosts(List<TestbedHost> hosts) {

    public TestbedHosts {
        hosts = List.copyOf(hosts);
    }

    /** The first host, {@code meh-src}. */
    public TestbedHost source() {
        return hosts.get(0);
    }

    /** The second host, {@code meh-dst}. */
    public TestbedHost target() {
        return hosts.get(1);
    }

    /** The host called {@code name}. */
    public TestbedHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no testbed host '" + name + "'"));
    }

    /**
     * The address under which {@code from} reaches {@code to} across the migration link: use it for
     * host-to-host transfers (e.g. {@code scp} run on {@code from}), so they cross the shaped link.
     */
    public String linkAddress(TestbedHost from, TestbedHost to) {
        return to.linkAddressTowards(from.name());
    }
}

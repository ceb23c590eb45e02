package io.mecmig.testbed;

import io.mecmig.testbed.TestbedLayout.HostPlan;
import io.mecmig.testbed.TestbedLayout.LinkPlan;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * Namespaces, veths, addresses and routes of the testbed. Every method is idempotent: it checks what
 * exists and only creates what is missing, so it also repairs a half-built testbed.
 */
final class TestbedNetwork {

    private final CommandRunner runner;
    private final TestbedLayout layout;

    TestbedNetwork(CommandRunner runner, TestbedLayout layout) {
        this.runner = runner;
        this.layout = layout;
    }

    void up() {
        for (HostPlan host : layout.hosts()) {
            ensureNamespace(host.name());
            ensureManagement(host);
        }
        for (LinkPlan link : layout.links()) {
            ensureLink(link);
        }
    }

    /** Names of the testbed namespaces present now (any host count), as {@code ip netns list} shows them. */
    List<String> existingNamespaces() {
        String out = runner.output(Command.of("ip", "netns", "list"));
        return Arrays.stream(out.split("\n"))
                .map(line -> line.strip().split("\\s+")[0])
                .filter(name -> layout.indexOf(name) > 0)
                .toList();
    }

    /** True when namespace {@code name} exists and can be entered. */
    boolean namespaceUsable(String name) {
        return Files.exists(Netns.path(name)) && runner.succeeds(Netns.in(name, "true"));
    }

    private void ensureNamespace(String name) {
        if (Files.exists(Netns.path(name)) && !namespaceUsable(name)) {
            // A leftover file without a namespace behind it (its bind mount is gone): start afresh.
            runner.run(Command.of("ip", "netns", "delete", name));
        }
        if (!Files.exists(Netns.path(name))) {
            runner.require(Command.of("ip", "netns", "add", name));
        }
        runner.require(Command.of("ip", "-n", name, "link", "set", "lo", "up"));
        // The host forwards between its Docker bridge and its links, like a real MEC host.
        runner.require(Netns.in(name, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"));
    }

    private void ensureManagement(HostPlan host) {
        if (!runner.succeeds(Command.of("ip", "link", "show", "dev", host.rootInterface()))) {
            runner.run(Command.of("ip", "-n", host.name(), "link", "del", "mgmt0"));
            runner.require(Command.of("ip", "link", "add", host.rootInterface(), "type", "veth",
                    "peer", "name", "mgmt0", "netns", host.name()));
        }
        runner.require(Command.of("ip", "addr", "replace", host.rootAddress() + "/" + TestbedLayout.P2P_PREFIX,
                "dev", host.rootInterface()));
        runner.require(Command.of("ip", "link", "set", host.rootInterface(), "up"));
        runner.require(Command.of("ip", "-n", host.name(), "addr", "replace",
                host.hostAddress() + "/" + TestbedLayout.P2P_PREFIX, "dev", "mgmt0"));
        runner.require(Command.of("ip", "-n", host.name(), "link", "set", "mgmt0", "up"));
        // The root namespace (tests, orchestrator) reaches the host's containers directly.
        runner.require(Command.of("ip", "route", "replace", host.bridgeNetwork(), "via", host.hostAddress(),
                "dev", host.rootInterface()));
    }

    private void ensureLink(LinkPlan link) {
        if (!runner.succeeds(Command.of("ip", "-n", link.a(), "link", "show", "dev", link.aInterface()))) {
            runner.run(Command.of("ip", "-n", link.b(), "link", "del", link.bInterface()));
            runner.require(Command.of("ip", "link", "add", "name", link.aInterface(), "netns", link.a(),
                    "type", "veth", "peer", "name", link.bInterface(), "netns", link.b()));
        }
        configure(link.a(), link.aInterface(), link.aAddress());
        configure(link.b(), link.bInterface(), link.bAddress());
    }

    private void configure(String ns, String iface, String address) {
        runner.require(Command.of("ip", "-n", ns, "addr", "replace", address + "/" + TestbedLayout.P2P_PREFIX, "dev", iface));
        runner.require(Command.of("ip", "-n", ns, "link", "set", iface, "up"));
    }

    /** Removes a host's namespace and its management veth (processes must be gone already). */
    void remove(String name, String rootInterface) {
        if (Files.exists(Netns.path(name))) {
            runner.run(Command.of("ip", "netns", "delete", name));
        }
        if (runner.succeeds(Command.of("ip", "link", "show", "dev", rootInterface))) {
            runner.run(Command.of("ip", "link", "del", rootInterface));
        }
    }

    /** The interface names of {@code host}'s link ends. */
    List<String> linkInterfaces(String host) {
        return layout.links().stream()
                .flatMap(l -> l.a().equals(host) ? java.util.stream.Stream.of(l.aInterface())
                        : l.b().equals(host) ? java.util.stream.Stream.of(l.bInterface()) : java.util.stream.Stream.empty())
                .toList();
    }
}

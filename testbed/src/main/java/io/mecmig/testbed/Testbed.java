package io.mecmig.testbed;

import io.mecmig.core.LinkProfile;
import io.mecmig.testbed.TestbedLayout.HostPlan;
import io.mecmig.testbed.TestbedLayout.LinkPlan;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * MEC hosts on one machine, as the paper's two NUCs: one network namespace per host, joined by a
 * shapeable veth link, each with its own dockerd and sshd, plus an unshaped management veth from the
 * root namespace. Needs root and what {@code mecmig setup} installs.
 *
 * <pre>{@code
 * Testbed testbed = Testbed.local(TestbedConfig.defaults());
 * TestbedHosts hosts = testbed.up();                       // idempotent
 * testbed.shape(LinkProfile.of("100mbit", 0));
 * URI docker = hosts.source().dockerUri();                 // unix:///run/mecmig/meh-src/docker.sock
 * String dst = hosts.linkAddress(hosts.source(), hosts.target());   // 10.77.0.2
 * testbed.down();                                          // leaves nothing running or mounted
 * }</pre>
 */
public final class Testbed {

    private static final List<String> TOOLS = List.of("ip", "nsenter", "tc", "nft", "dockerd", "docker",
            "ssh-keygen", "openssl", "setsid", "umount", "sysctl");

    private final TestbedConfig config;
    private final CommandRunner runner;
    private final Leftovers leftovers;
    private Consumer<String> progress = line -> { };

    public Testbed(TestbedConfig config, CommandRunner runner) {
        this.config = config;
        this.runner = runner;
        this.leftovers = new Leftovers(runner);
    }

    /** Sends a line per step of {@code up} and {@code down} (with the time since it began) to {@code listener}. */
    public Testbed onProgress(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    private void step(long start, String what) {
        progress.accept(String.format("  %5.1f s  %s", (System.nanoTime() - start) / 1e9, what));
    }

    /** A testbed on this machine, run through real system commands. */
    public static Testbed local(TestbedConfig config) {
        return new Testbed(config, new ProcessRunner());
    }

    /**
     * Creates whatever is missing (namespaces, veths, addresses, keys, daemons) and restarts daemons that
     * do not answer; what already works is left alone, including the link's shaping. Hosts beyond the
     * configured count whose namespaces still exist are brought up as well.
     *
     * @return the hosts, with both daemons answering
     */
    public TestbedHosts up() {
        requireRootAndTools();
        try {
            Files.createDirectories(config.logDir());
            Files.createDirectories(config.runDir());
        } catch (IOException e) {
            throw new TestbedException("cannot create " + config.logDir() + " or " + config.runDir() + ": " + e.getMessage());
        }
        long start = System.nanoTime();
        // Hosts of a bigger testbed still here (a 3-host drive's meh-3) are brought back too: status() counts them.
        TestbedLayout layout = effectiveLayout();
        new TestbedNetwork(runner, layout).up();
        step(start, "namespaces, veths, addresses and routes in place");
        step(start, new CriuKernelCache(runner).refresh());
        SshKeys keys = sshKeys();
        keys.ensureClientKey();
        Map<String, Path> hostKeys = new LinkedHashMap<>();
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        DockerTlsCerts tls = DockerTlsCerts.of(runner, config);
        tls.ensureClient();
        List<HostDockerd> started = new ArrayList<>();
        for (HostPlan plan : layout.hosts()) {
            HostFiles files = HostFiles.of(config, plan.name());
            List<String> own = ownAddresses(layout, plan);
            HostSshd sshd = new HostSshd(runner, plan, files, own);
            step(start, plan.name() + ": sshd " + (sshd.startIfNeeded(keys) ? "started" : "already answering"));
            hostKeys.put(plan.name(), sshd.publicHostKey());
            addresses.put(plan.name(), own);
            HostDockerd dockerd = new HostDockerd(runner, plan, files,
                    tls.ensureServer(plan.name(), List.of(plan.hostAddress())));
            stopIfInAnotherNamespace(plan.name(), files);
            step(start, plan.name() + ": dockerd " + (dockerd.startIfNeeded() ? "starting" : "already answering"));
            started.add(dockerd);
        }
        // The dockerds start in parallel; wait for all of them at the end.
        started.forEach(HostDockerd::awaitAnswering);
        step(start, "all dockerds answer");
        keys.writeKnownHostsAndConfig(config.prefix(), hostKeys, addresses);
        return hosts(layout);
    }

    /** The hosts as they are (or would be) once up; starts nothing. */
    public TestbedHosts hosts() {
        return hosts(new TestbedLayout(config));
    }

    /** Applies rate and loss to every direction of every link between hosts. */
    public void shape(LinkProfile profile) {
        requireRootAndTools();
        TestbedLayout layout = effectiveLayout();
        TestbedNetwork network = new TestbedNetwork(runner, layout);
        for (HostPlan plan : layout.hosts()) {
            if (!network.namespaceUsable(plan.name())) {
                throw new TestbedException("host " + plan.name() + " is not up: run `mecmig testbed up` first");
            }
        }
        new LinkShaper(runner, layout).apply(profile);
    }

    /** What exists and answers now. */
    public TestbedStatus status() {
        TestbedLayout layout = effectiveLayout();
        TestbedNetwork network = new TestbedNetwork(runner, layout);
        List<TestbedStatus.HostStatus> hosts = new ArrayList<>();
        boolean allNamespaces = true;
        for (HostPlan plan : layout.hosts()) {
            HostFiles files = HostFiles.of(config, plan.name());
            boolean ns = network.namespaceUsable(plan.name());
            allNamespaces &= ns;
            Optional<String> docker = ns ? new HostDockerd(runner, plan, files).version() : Optional.empty();
            boolean ssh = ns && new HostSshd(runner, plan, files, List.of()).answering();
            List<String> links = layout.links().stream()
                    .filter(l -> l.a().equals(plan.name()) || l.b().equals(plan.name()))
                    .map(l -> l.a().equals(plan.name()) ? l.b() + "=" + l.aAddress() : l.a() + "=" + l.bAddress())
                    .toList();
            java.net.URI tlsUri = dockerTlsUri(plan);
            boolean tls = docker.isPresent() && new DockerProbe(runner)
                    .serverVersionOverTls(tlsUri, DockerTlsCerts.of(runner, config).clientFolder()).isPresent();
            hosts.add(new TestbedStatus.HostStatus(plan.name(), ns, docker, ssh, plan.hostAddress(), links,
                    new TestbedStatus.TlsListener(tlsUri, tls)));
        }
        List<TestbedStatus.LinkEnd> ends = new ArrayList<>();
        Optional<LossMethod> method = Optional.empty();
        if (allNamespaces) {
            LinkShaper shaper = new LinkShaper(runner, layout);
            shaper.state().forEach(e -> ends.add(new TestbedStatus.LinkEnd(e.host(), e.iface(), e.rate(), e.lossPercent())));
            method = Optional.of(shaper.lossMethod());
        }
        return new TestbedStatus(hosts, ends, method);
    }

    /**
     * Stops every daemon and container of every testbed host (also leftovers of earlier sessions with
     * more hosts), unmounts, and removes namespaces, veths, nftables tables, runtime files and the ssh
     * client drop-in. Keeps the persistent state (Docker images, keys) for the next {@code up}.
     *
     * @throws TestbedException listing anything that could not be removed
     */
    public void down() {
        requireRootAndTools();
        long start = System.nanoTime();
        TestbedLayout layout = effectiveLayout();
        TestbedNetwork network = new TestbedNetwork(runner, layout);
        // All dockerds stop in parallel: each gives its containers a few seconds.
        List<HostDockerd> dockerds = layout.hosts().stream()
                .map(plan -> new HostDockerd(runner, plan, HostFiles.of(config, plan.name()))).toList();
        dockerds.forEach(HostDockerd::killContainers);
        dockerds.forEach(HostDockerd::requestStop);
        dockerds.forEach(HostDockerd::awaitStopped);
        step(start, "dockerds stopped");
        for (HostPlan plan : layout.hosts()) {
            new HostSshd(runner, plan, HostFiles.of(config, plan.name()), List.of()).stop();
        }
        step(start, "sshds stopped");
        for (HostPlan plan : layout.hosts()) {
            HostFiles files = HostFiles.of(config, plan.name());
            leftovers.killAll(plan.name(), Duration.ofSeconds(5));
            leftovers.removeCgroups(plan.name());
            leftovers.unmountBelow(List.of(files.runDir(), files.dockerDataRoot()));
            network.remove(plan.name(), plan.rootInterface());
            deleteTree(files.runDir());
            step(start, plan.name() + ": leftovers killed, unmounted, namespace removed");
        }
        sshKeys().removeDropIn(config.prefix());
        new CriuKernelCache(runner).remove();
        List<String> remaining = remains(layout);
        if (!remaining.isEmpty()) {
            throw new TestbedException("the testbed is down but these remain: " + String.join("; ", remaining)
                    + ". Run `mecmig testbed down` again; if they persist, remove them by hand");
        }
    }

    /** Everything of the testbed still on the machine (empty after a clean {@link #down()}). */
    public List<String> remains() {
        return remains(effectiveLayout());
    }

    private List<String> remains(TestbedLayout layout) {
        List<String> left = new ArrayList<>();
        for (HostPlan plan : layout.hosts()) {
            HostFiles files = HostFiles.of(config, plan.name());
            if (Files.exists(Netns.path(plan.name()))) {
                left.add("namespace " + plan.name());
            }
            if (runner.succeeds(Command.of("ip", "link", "show", "dev", plan.rootInterface()))) {
                left.add("veth " + plan.rootInterface());
            }
            leftovers.processesInCgroups(plan.name()).forEach(pid -> left.add("process " + pid + " (" + Pids.commandLine(pid).strip() + ")"));
            leftovers.mountsBelow(List.of(files.runDir(), files.dockerDataRoot())).forEach(m -> left.add("mount " + m));
            Pids.live(files.dockerPidFile(), "dockerd").ifPresent(p -> left.add("dockerd " + p.pid()));
            Pids.live(files.sshdPidFile(), "sshd").ifPresent(p -> left.add("sshd " + p.pid()));
        }
        return left;
    }

    private TestbedHosts hosts(TestbedLayout layout) {
        SshKeys keys = sshKeys();
        java.nio.file.Path tlsClient = DockerTlsCerts.of(runner, config).clientFolder();
        List<TestbedHost> hosts = new ArrayList<>();
        for (HostPlan plan : layout.hosts()) {
            HostFiles files = HostFiles.of(config, plan.name());
            Map<String, String> links = new LinkedHashMap<>();
            for (LinkPlan l : layout.links()) {
                if (l.a().equals(plan.name())) {
                    links.put(l.b(), l.aAddress());
                } else if (l.b().equals(plan.name())) {
                    links.put(l.a(), l.bAddress());
                }
            }
            hosts.add(new TestbedHost(plan.name(), plan.name(), files.dockerSocket(),
                    new SshEndpoint(plan.hostAddress(), HostSshd.PORT, "root", keys.clientKey(), keys.knownHosts(),
                            keys.clientConfig()),
                    plan.hostAddress(), plan.rootAddress(), plan.bridgeNetwork(), links,
                    new DockerTlsEndpoint(dockerTlsUri(plan), tlsClient)));
        }
        return new TestbedHosts(hosts);
    }

    /** Where a host's dockerd serves its API over mutual TLS: its management address, port 2376. */
    private static java.net.URI dockerTlsUri(HostPlan plan) {
        return java.net.URI.create("tcp://" + plan.hostAddress() + ":" + DockerTlsCerts.PORT);
    }

    /** The configured hosts, or more when namespaces of a bigger testbed are still there. */
    private TestbedLayout effectiveLayout() {
        TestbedLayout configured = new TestbedLayout(config);
        int count = config.hosts();
        for (String name : new TestbedNetwork(runner, configured).existingNamespaces()) {
            count = Math.max(count, configured.indexOf(name));
        }
        return new TestbedLayout(config.withHosts(count));
    }

    private static List<String> ownAddresses(TestbedLayout layout, HostPlan plan) {
        List<String> own = new ArrayList<>();
        for (LinkPlan l : layout.links()) {
            if (l.a().equals(plan.name())) {
                own.add(l.aAddress());
            } else if (l.b().equals(plan.name())) {
                own.add(l.bAddress());
            }
        }
        own.add(plan.hostAddress());
        return own;
    }

    /** A dockerd left running in a namespace that was deleted and recreated serves the wrong network. */
    private void stopIfInAnotherNamespace(String host, HostFiles files) {
        Pids.live(files.dockerPidFile(), files.dockerSocket().toString()).ifPresent(p -> {
            if (!leftovers.processesInNamespace(host).contains(p.pid())) {
                Pids.stop(p, Duration.ofSeconds(20));
            }
        });
    }

    private SshKeys sshKeys() {
        return new SshKeys(runner, config.stateDir());
    }

    private void requireRootAndTools() {
        if (!runner.output(Command.of("id", "-u")).strip().equals("0")) {
            throw new TestbedException("the testbed creates network namespaces and daemons and needs root: run it with sudo");
        }
        List<String> missing = TOOLS.stream().filter(t -> !runner.succeeds(Command.of("sh", "-c", "command -v \"$1\"", "sh", t))).toList();
        if (!missing.isEmpty()) {
            throw new TestbedException("missing tools: " + String.join(", ", missing) + ": run `./mecmig setup` first");
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new TestbedException("cannot remove " + dir + ": " + e.getMessage());
        }
    }
}

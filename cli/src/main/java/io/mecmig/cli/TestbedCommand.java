package io.mecmig.cli;

import io.mecmig.core.LinkProfile;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.TestbedStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The two-host testbed: up, down, status, shape. */
@Command(name = "testbed", description = "MEC hosts on this machine (network namespaces meh-src, meh-dst, ...): up, down, status, shape.",
        subcommands = {TestbedCommand.Up.class, TestbedCommand.Down.class, TestbedCommand.Status.class, TestbedCommand.Shape.class})
final class TestbedCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "up", description = "Creates the hosts (idempotent; repairs a half-dead testbed) and prints their endpoints.")
    static final class Up implements Callable<Integer> {

        @Option(names = "--hosts", defaultValue = "2", description = "Number of hosts (2-8): meh-src, meh-dst, meh-3, ... Default: ${DEFAULT-VALUE}")
        int hosts;

        @Option(names = "--rate", description = "Also shape the link: 1gbit, 100mbit, ... or unlimited")
        String rate;

        @Option(names = "--loss", defaultValue = "0", description = "With --rate: packet loss in percent per direction. Default: ${DEFAULT-VALUE}")
        double loss;

        @Override
        public Integer call() {
            long start = System.nanoTime();
            Testbed testbed = Testbed.local(TestbedConfig.defaults().withHosts(hosts)).onProgress(System.out::println);
            TestbedHosts up = testbed.up();
            if (rate != null) {
                testbed.shape(LinkProfile.of(rate, loss));
            }
            System.out.printf("testbed up in %.1f s%n", (System.nanoTime() - start) / 1e9);
            for (TestbedHost host : up.hosts()) {
                System.out.printf("%-8s docker %s  ssh %s@%s (-F %s)  mgmt %s  root/gateway %s  bridge %s  link %s%n",
                        host.name(), host.dockerUri(), host.ssh().user(), host.ssh().address(), host.ssh().clientConfig(),
                        host.managementAddress(), host.gatewayAddress(), host.bridgeSubnet(), host.linkAddresses());
            }
            System.out.println("run inside a host:  nsenter --net=/run/netns/meh-src -- ssh 10.77.0.2 hostname");
            System.out.println("Docker over TLS:    hosts file " + writeTlsHostsFile(up) + " (docker = tcp://...:2376,"
                    + " docker.tls = the client's ca.pem, cert.pem, key.pem)");
            return 0;
        }

        /** A hosts file (see DockerHostConfig) naming both engines' TLS endpoints, for --hosts. */
        private static java.nio.file.Path writeTlsHostsFile(TestbedHosts up) {
            TestbedConfig config = TestbedConfig.defaults();
            java.nio.file.Path file = up.source().dockerTls().clientFolder().resolveSibling("hosts.properties");
            try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(io.mecmig.core.SecureFiles.privateFile(file))) {
                TestbedDockerHosts.overTls(config, up).store(out, "the testbed's hosts, Docker reached over mutual TLS");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + file, e);
            }
            return file;
        }
    }

    @Command(name = "down", description = "Stops every testbed daemon and container and removes namespaces, veths, mounts and nft tables (images and keys stay).")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() {
            long start = System.nanoTime();
            Testbed.local(TestbedConfig.defaults()).onProgress(System.out::println).down();
            System.out.printf("testbed down in %.1f s: nothing left running%n", (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    @Command(name = "status", description = "Shows each host's daemons (dockerd on its socket and its TLS listener, sshd),"
            + " addresses, and the link's rate and loss. Exit status 1 when a host is not healthy.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            TestbedStatus status = Testbed.local(TestbedConfig.defaults()).status();
            lines(status).forEach(System.out::println);
            return status.healthy() ? 0 : 1;
        }

        /** What {@code testbed status} prints: a line per host, a line per link end, how loss is made. */
        static java.util.List<String> lines(TestbedStatus status) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (TestbedStatus.HostStatus h : status.hosts()) {
                lines.add(String.format("%-8s namespace %-3s dockerd %-22s tls %s %-13s sshd %-13s mgmt %s  link %s",
                        h.name(), h.namespace() ? "yes" : "NO",
                        h.dockerVersion().map(v -> "answers (" + v + ")").orElse("NOT ANSWERING"),
                        h.dockerTls().uri(), h.dockerTls().answering() ? "answers" : "NOT ANSWERING",
                        h.sshAnswering() ? "answers" : "NOT ANSWERING", h.managementAddress(), h.linkAddresses()));
            }
            for (TestbedStatus.LinkEnd e : status.link()) {
                lines.add(String.format("link %s:%s  rate %s  loss %s %%", e.host(), e.iface(), e.rate(), e.lossPercent()));
            }
            status.lossMethod().ifPresent(m -> lines.add("loss made with: " + m));
            return lines;
        }
    }

    @Command(name = "shape", description = "Sets the link's rate and packet loss (each direction).")
    static final class Shape implements Callable<Integer> {

        @Option(names = "--rate", required = true, description = "1gbit, 100mbit, 500kbit, ... or unlimited")
        String rate;

        @Option(names = "--loss", defaultValue = "0", description = "Packet loss in percent, per direction (0-100). Default: ${DEFAULT-VALUE}")
        double loss;

        @Override
        public Integer call() {
            LinkProfile profile = LinkProfile.of(rate, loss);
            Testbed.local(TestbedConfig.defaults()).shape(profile);
            System.out.println("link shaped: " + profile);
            return 0;
        }
    }
}

package io.mecmig.testbed;

import io.mecmig.core.LinkProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.ProcessRunner;
import io.mecmig.testbed.exec.Wait;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real testbed on this machine: namespaces, dockerds, sshds, shaped link. Uses its own instance
 * (mit-src/mit-dst, 10.77.100.0 and up) so it never tears down a testbed someone is using.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class TestbedIT {

    private static final int MB25 = 25_000_000;

    private final ProcessRunner runner = new ProcessRunner();
    private final Testbed testbed = new Testbed(TestbedConfig.isolatedForTests(), runner)
            .onProgress(line -> System.out.println("[testbed]" + line));
    private TestbedHosts hosts;

    @TempDir
    Path tmp;

    @BeforeAll
    void fromNothing() {
        testbed.down();
        long start = System.nanoTime();
        hosts = testbed.up();
        System.out.printf("FIGURE testbed up from nothing: %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    void cleanUp() {
        testbed.down();
    }

    @Test
    @Order(1)
    void upAgainChangesNothingAndBothEnginesAnswer() {
        long dockerdBefore = pid(Path.of("/run/mecmig/it/mit-src/dockerd.pid"));
        long start = System.nanoTime();
        TestbedHosts again = testbed.up();
        System.out.printf("FIGURE testbed up when already up: %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(again).isEqualTo(hosts);
        assertThat(pid(Path.of("/run/mecmig/it/mit-src/dockerd.pid"))).as("the running dockerd is kept").isEqualTo(dockerdBefore);
        DockerProbe probe = new DockerProbe(runner);
        assertThat(probe.serverVersion(hosts.source().dockerSocket())).hasValueSatisfying(v -> assertThat(v).startsWith("20.10"));
        assertThat(probe.serverVersion(hosts.target().dockerSocket())).isPresent();
        assertThat(probe.experimental(hosts.target().dockerSocket())).as("checkpoints need experimental").isTrue();
        String src = hosts.source().dockerUri().toString();
        String dst = hosts.target().dockerUri().toString();
        runner.require(Command.of("docker", "-H", src, "volume", "create", "only-on-src"));
        assertThat(runner.output(Command.of("docker", "-H", src, "volume", "ls", "-q"))).contains("only-on-src");
        assertThat(runner.output(Command.of("docker", "-H", dst, "volume", "ls", "-q"))).as("two distinct engines")
                .doesNotContain("only-on-src");
        assertThat(runner.output(Command.of("docker", "-H", src, "info", "--format", "{{.DockerRootDir}}")).strip())
                .isEqualTo("/var/lib/mecmig/it/mit-src/docker");
        TestbedStatus status = testbed.status();
        assertThat(status.healthy()).isTrue();
        assertThat(status.hosts()).allSatisfy(h -> {
            assertThat(h.dockerTls().uri()).hasToString("tcp://" + h.managementAddress() + ":2376");
            assertThat(h.dockerTls().answering()).as(h.name() + "'s dockerd over TLS").isTrue();
        });
    }

    @Test
    @Order(2)
    void sourceReachesTargetOverTheLinkWithThePinnedHostKey() {
        TestbedHost src = hosts.source();
        TestbedHost dst = hosts.target();
        String dstOnLink = hosts.linkAddress(src, dst);
        assertThat(dstOnLink).isEqualTo("10.77.100.2");

        String connection = runner.output(src.command("ssh", "-F", src.ssh().clientConfig().toString(), dstOnLink,
                "echo $SSH_CONNECTION"));
        assertThat(connection).as("client and server addresses are the link's ends")
                .startsWith("10.77.100.1 ").contains(" 10.77.100.2 22");

        CommandResult unpinned = runner.run(src.command("ssh", "-F", src.ssh().clientConfig().toString(),
                "-o", "UserKnownHostsFile=/dev/null", dstOnLink, "true"));
        assertThat(unpinned.ok()).as("without the pinned key strict checking refuses").isFalse();
        assertThat(unpinned.stderr()).contains("Host key verification failed");

        // The orchestrator's way in: from the root namespace to the management address.
        assertThat(runner.output(Command.of("ssh", "-F", dst.ssh().clientConfig().toString(), "-p",
                String.valueOf(dst.ssh().port()), dst.ssh().user() + "@" + dst.ssh().address(), "echo ok")).strip()).isEqualTo("ok");
    }

    @Test
    @Order(3)
    void containersArePublishedToTheRootNamespaceAndReachItsGateway() throws Exception {
        TestbedHost src = hosts.source();
        String image = importBusybox(src);
        String docker = src.dockerUri().toString();
        runner.run(Command.of("docker", "-H", docker, "rm", "-f", "web"));
        runner.require(Command.of("docker", "-H", docker, "run", "-d", "--name", "web", "-p", "8080:80", image,
                "/bin/httpd", "-f", "-p", "80", "-h", "/www"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI published = URI.create("http://" + src.managementAddress() + ":8080/index.html");
        assertThat(Wait.until(Duration.ofSeconds(10), Duration.ofMillis(200), () -> body(http, published).equals("hello\n"))).isTrue();

        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getByName(src.gatewayAddress()), 0), 0);
        gateway.createContext("/", exchange -> {
            byte[] reply = "from-root".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        gateway.start();
        try {
            String url = "http://" + src.gatewayAddress() + ":" + gateway.getAddress().getPort() + "/";
            String fetched = runner.output(Command.of("docker", "-H", docker, "run", "--rm", image, "/bin/busybox",
                    "wget", "-O", "-", url).withTimeout(Duration.ofSeconds(30)));
            assertThat(fetched).isEqualTo("from-root");
        } finally {
            gateway.stop(0);
        }
    }

    @Test
    @Order(4)
    void transferTakesBytesOverRate() throws Exception {
        Path file = tmp.resolve("payload");
        byte[] data = new byte[MB25];
        new Random(7).nextBytes(data);
        Files.write(file, data);

        testbed.shape(LinkProfile.of("100mbit", 0));
        assertThat(testbed.status().link()).allSatisfy(end -> assertThat(end.rate()).isEqualTo("100Mbit"));
        double seconds100 = rawTransfer(file);
        double expected = MB25 * 8 / 100e6;
        System.out.printf("FIGURE 25 MB raw TCP at 100mbit: %.2f s (%.1f Mbit/s; bytes/rate = %.2f s)%n",
                seconds100, MB25 * 8 / seconds100 / 1e6, expected);
        System.out.printf("FIGURE 25 MB scp at 100mbit: %.2f s%n", scp(file));
        assertThat(seconds100).isBetween(expected * 0.75, expected * 1.25);

        testbed.shape(LinkProfile.of("1gbit", 0));
        double seconds1g = rawTransfer(file);
        System.out.printf("FIGURE 25 MB raw TCP at 1gbit: %.2f s (%.1f Mbit/s; bytes/rate = %.2f s)%n",
                seconds1g, MB25 * 8 / seconds1g / 1e6, MB25 * 8 / 1e9);
        System.out.printf("FIGURE 25 MB scp at 1gbit: %.2f s%n", scp(file));
        // On 2 busy cores the veth itself moves only a few hundred Mbit/s: ask for a clear lift, not 1 Gbit/s.
        assertThat(seconds1g).as("1gbit is clearly faster than 100mbit").isLessThan(seconds100 / 1.5);
    }

    @Test
    @Order(5)
    void lossIsMeasuredOnTheLink() {
        testbed.shape(LinkProfile.of("100mbit", 5));
        assertThat(testbed.status().link()).allSatisfy(end -> assertThat(end.lossPercent()).isEqualTo(5.0));
        int probes = 400;
        String out = runner.output(hosts.source().command("ping", "-n", "-q", "-c", String.valueOf(probes), "-i", "0.005",
                "-W", "1", hosts.linkAddress(hosts.source(), hosts.target())).withTimeout(Duration.ofSeconds(60)));
        Matcher m = Pattern.compile("(\\d+) packets transmitted, (\\d+) received").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        double roundTripLoss = 1 - Double.parseDouble(m.group(2)) / Double.parseDouble(m.group(1));
        long droppedOnSource = dropCounter(hosts.source().namespace());
        System.out.printf("FIGURE loss 5%% per direction: ping round-trip loss %.1f %% (expected 9.75 %%), "
                + "requests dropped on the source side %.1f %%%n", roundTripLoss * 100, 100.0 * droppedOnSource / probes);
        // 1 - 0.95^2 = 9.75 % of round trips fail; bounds are about 3 standard deviations for 400 probes.
        assertThat(roundTripLoss).isBetween(0.05, 0.15);
        assertThat(droppedOnSource).isBetween(4L, 40L);

        testbed.shape(LinkProfile.unshaped());
        assertThat(testbed.status().link()).allSatisfy(end -> {
            assertThat(end.rate()).isEqualTo("unlimited");
            assertThat(end.lossPercent()).isZero();
        });
    }

    @Test
    @Order(6)
    void upRecoversFromDeadDaemons() {
        long dockerd = pid(Path.of("/run/mecmig/it/mit-dst/dockerd.pid"));
        long sshd = pid(Path.of("/run/mecmig/it/mit-dst/sshd.pid"));
        runner.require(Command.of("kill", "-9", String.valueOf(dockerd), String.valueOf(sshd)));
        Wait.until(Duration.ofSeconds(5), Duration.ofMillis(50), () -> !Pids.alive(dockerd) && !Pids.alive(sshd));
        assertThat(testbed.status().healthy()).isFalse();

        testbed.up();
        assertThat(testbed.status().healthy()).isTrue();
        assertThat(pid(Path.of("/run/mecmig/it/mit-dst/dockerd.pid"))).isNotEqualTo(dockerd);
    }

    @Test
    @Order(7)
    void downLeavesNothingBehind() {
        testbed.down();
        assertThat(testbed.remains()).isEmpty();
        assertThat(runner.output(Command.of("ip", "netns", "list"))).doesNotContain("mit-");
        assertThat(runner.output(Command.of("ip", "-o", "link"))).doesNotContain("mgmt-mit");
        assertThat(runner.output(Command.of("ps", "-eo", "args"))).doesNotContain("/run/mecmig/it/").doesNotContain("/var/lib/mecmig/it/");
        assertThat(runner.output(Command.of("cat", "/proc/self/mountinfo"))).doesNotContain("/run/mecmig/it/").doesNotContain("/var/lib/mecmig/it/mit");
        assertThat(SshKeys.clientDropIn("mit")).doesNotExist();
        assertThat(testbed.status().hosts()).noneMatch(TestbedStatus.HostStatus::namespace);
    }

    /** Times a raw TCP transfer from source to target, at the receiver: from connect to its last byte. */
    private double rawTransfer(Path file) throws Exception {
        TestbedHost src = hosts.source();
        TestbedHost dst = hosts.target();
        String target = hosts.linkAddress(src, dst);
        CompletableFuture<CommandResult> receiver = CompletableFuture.supplyAsync(() -> runner.run(dst.command("socat", "-u",
                "TCP-LISTEN:5001,reuseaddr,bind=" + target, "OPEN:/dev/null").withTimeout(Duration.ofSeconds(60))));
        assertThat(Wait.until(Duration.ofSeconds(10), Duration.ofMillis(20),
                () -> runner.output(dst.command("ss", "-Hltn", "sport = :5001")).contains(target))).isTrue();
        long start = System.nanoTime();
        CommandResult sent = runner.run(src.command("socat", "-u", "FILE:" + file, "TCP:" + target + ":5001")
                .withTimeout(Duration.ofSeconds(60)));
        receiver.get().requireOk();
        double seconds = (System.nanoTime() - start) / 1e9;
        sent.requireOk();
        return seconds;
    }

    private double scp(Path file) {
        long start = System.nanoTime();
        runner.require(hosts.source().command("scp", "-q", "-F", hosts.source().ssh().clientConfig().toString(),
                file.toString(), hosts.linkAddress(hosts.source(), hosts.target()) + ":" + file + ".copy")
                .withTimeout(Duration.ofSeconds(120)));
        double seconds = (System.nanoTime() - start) / 1e9;
        runner.run(Command.of("rm", "-f", file + ".copy"));
        return seconds;
    }

    private long dropCounter(String namespace) {
        String table = runner.output(Netns.in(namespace, "nft", "list", "table", "inet", LinkShaper.NFT_TABLE));
        Matcher m = Pattern.compile("counter packets (\\d+)").matcher(table);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** A tiny image from the host's static busybox (there is no registry): httpd, wget, sh. */
    private String importBusybox(TestbedHost host) throws IOException {
        Path root = tmp.resolve("rootfs");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("www"));
        Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
        for (String applet : new String[] {"sh", "httpd", "wget"}) {
            Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.writeString(root.resolve("www/index.html"), "hello\n");
        Path tar = tmp.resolve("rootfs.tar");
        runner.require(Command.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."));
        String image = "mecmig-it/busybox:1";
        runner.require(Command.of("docker", "-H", host.dockerUri().toString(), "import", tar.toString(), image));
        return image;
    }

    private static String body(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static long pid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            return -1;
        }
    }
}

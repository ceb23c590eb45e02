package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.ProcessRunner;
import io.mecmig.testbed.faults.Fault;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The testbed's faults on a real testbed (the isolated one for tests): link cut, loss spike, dockerd killed. */
@Tag("docker")
class TestbedFaultsIT {

    private static final ProcessRunner RUN = new ProcessRunner();
    private static final TestbedConfig CONFIG = TestbedConfig.isolatedForTests();
    private static final Testbed TESTBED = Testbed.local(CONFIG);
    private static TestbedHosts hosts;

    private final TestbedFaults faults = new TestbedFaults(CONFIG, RUN);

    @BeforeAll
    static void up() {
        hosts = TESTBED.up();
    }

    @AfterAll
    static void down() {
        TESTBED.down();
    }

    private static boolean linkAnswers() {
        TestbedHost src = hosts.source();
        TestbedHost dst = hosts.target();
        return RUN.run(src.command("ping", "-n", "-q", "-c", "2", "-i", "0.2", "-W", "1",
                dst.linkAddressTowards(src.name())).withTimeout(Duration.ofSeconds(10))).ok();
    }

    private static boolean dockerAnswers(TestbedHost host) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(host.dockerSocket()));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean sshAnswers(TestbedHost host) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host.ssh().address(), host.ssh().port()), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aCutLinkStopsTheLinkButNotTheManagementPath() {
        assertThat(linkAnswers()).isTrue();
        try (Fault cut = faults.cutLink(hosts.source().name(), hosts.target().name())) {
            assertThat(linkAnswers()).isFalse();
            assertThat(sshAnswers(hosts.source())).as("the source's sshd over the management veth").isTrue();
            assertThat(dockerAnswers(hosts.source())).isTrue();
        }
        assertThat(linkAnswers()).isTrue();
    }

    @Test
    void aLossSpikeLetsSomePacketsThrough() {
        try (Fault loss = faults.lossSpike(hosts.source().name(), hosts.target().name(), 20)) {
            String out = RUN.run(hosts.source().command("ping", "-n", "-q", "-c", "200", "-i", "0.01", "-W", "1",
                    hosts.target().linkAddressTowards(hosts.source().name())).withTimeout(Duration.ofSeconds(60))).stdout();
            int received = Integer.parseInt(out.replaceAll("(?s).* (\\d+) received.*", "$1"));
            assertThat(received).as(out).isBetween(95, 160); // about 64 % (20 % each way)
        }
    }

    @Test
    void aKilledDockerdIsDownUntilTheTestbedIsBroughtUpAgain() {
        TestbedHost target = hosts.target();
        assertThat(dockerAnswers(target)).isTrue();

        faults.killDockerd(target.name());
        assertThat(dockerAnswers(target)).isFalse();

        TESTBED.up();
        assertThat(dockerAnswers(target)).isTrue();
    }
}

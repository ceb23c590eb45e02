package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.FakeRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostDockerdTest {

    private final TestbedConfig config = TestbedConfig.defaults();
    private final TestbedLayout.HostPlan plan = new TestbedLayout(config).host("meh-dst");

    @Test
    void withServerFilesItAlsoServesMutualTlsOnItsManagementAddressOnly() {
        Path tls = Path.of("/var/lib/mecmig/docker-tls/server-meh-dst");
        List<String> argv = new HostDockerd(new FakeRunner(), plan, HostFiles.of(config, "meh-dst"), tls).command().argv();

        assertThat(argv).containsSubsequence("-H", "unix:///run/mecmig/meh-dst/docker.sock");
        assertThat(argv).containsSubsequence("--tlsverify", "--tlscacert", tls + "/ca.pem", "--tlscert",
                tls + "/cert.pem", "--tlskey", tls + "/key.pem", "-H", "tcp://10.77.2.2:2376");
        assertThat(argv).noneMatch(a -> a.startsWith("tcp://") && !a.equals("tcp://10.77.2.2:2376"));
    }

    @Test
    void withoutServerFilesNoTcpListener() {
        List<String> argv = new HostDockerd(new FakeRunner(), plan, HostFiles.of(config, "meh-dst")).command().argv();
        assertThat(argv).noneMatch(a -> a.startsWith("tcp://") || a.startsWith("--tls"));
    }
}

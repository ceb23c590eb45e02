package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.LossMethod;
import io.mecmig.testbed.TestbedStatus;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestbedStatusLinesTest {

    private static TestbedStatus.HostStatus host(String name, String address, boolean tls) {
        return new TestbedStatus.HostStatus(name, true, Optional.of("20.10.24"), true, address, List.of("meh-dst=10.77.0.1"),
                new TestbedStatus.TlsListener(URI.create("tcp://" + address + ":2376"), tls));
    }

    @Test
    void eachHostLineShowsItsDockerdTlsListenerAndWhetherItAnswers() {
        TestbedStatus status = new TestbedStatus(List.of(host("meh-src", "10.77.1.2", true),
                host("meh-dst", "10.77.2.2", false)),
                List.of(new TestbedStatus.LinkEnd("meh-src", "lk-meh-dst", "100Mbit", 0)), Optional.of(LossMethod.NFTABLES));

        List<String> lines = TestbedCommand.Status.lines(status);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("meh-src").contains("dockerd answers (20.10.24)")
                .contains("tls tcp://10.77.1.2:2376 answers").contains("sshd answers").contains("mgmt 10.77.1.2");
        assertThat(lines.get(1)).startsWith("meh-dst").contains("tls tcp://10.77.2.2:2376 NOT ANSWERING");
        assertThat(lines.get(2)).isEqualTo("link meh-src:lk-meh-dst  rate 100Mbit  loss 0.0 %");
        assertThat(lines.get(3)).isEqualTo("loss made with: NFTABLES");
    }
}

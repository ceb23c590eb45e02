package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestbedStatusTest {

    private static TestbedStatus.HostStatus host(String name, boolean ns, boolean docker, boolean ssh) {
        return host(name, ns, docker, ssh, docker);
    }

    private static TestbedStatus.HostStatus host(String name, boolean ns, boolean docker, boolean ssh, boolean tls) {
        return new TestbedStatus.HostStatus(name, ns, docker ? Optional.of("20.10") : Optional.empty(), ssh,
                "10.77.3.2", List.of(), new TestbedStatus.TlsListener(URI.create("tcp://10.77.3.2:2376"), tls));
    }

    @Test
    void aHealthyTestbedHasNoProblems() {
        TestbedStatus status = new TestbedStatus(List.of(host("meh-src", true, true, true),
                host("meh-dst", true, true, true)), List.of(), Optional.empty());
        assertThat(status.healthy()).isTrue();
        assertThat(status.problems()).isEmpty();
    }

    @Test
    void eachProblemNamesTheHostAndTheDaemon() {
        TestbedStatus status = new TestbedStatus(List.of(host("meh-src", true, true, true),
                host("meh-3", true, false, false), host("meh-4", false, false, false)), List.of(), Optional.empty());
        assertThat(status.healthy()).isFalse();
        assertThat(status.problems()).containsExactly(
                "meh-3: dockerd not answering, sshd not answering on 10.77.3.2:22", "meh-4: no namespace");
    }

    @Test
    void aDockerdThatAnswersOnItsSocketButNotOverTlsIsAProblemNamingTheListener() {
        TestbedStatus status = new TestbedStatus(List.of(host("meh-src", true, true, true, false)), List.of(),
                Optional.empty());
        assertThat(status.healthy()).isFalse();
        assertThat(status.problems()).containsExactly("meh-src: dockerd not answering over TLS on tcp://10.77.3.2:2376");
    }

    @Test
    void nothingAtAllIsAProblemToo() {
        TestbedStatus status = new TestbedStatus(List.of(), List.of(), Optional.empty());
        assertThat(status.healthy()).isFalse();
        assertThat(status.problems()).containsExactly("no hosts");
    }
}

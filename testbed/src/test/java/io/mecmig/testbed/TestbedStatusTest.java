package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestbedStatusTest {

    private static TestbedStatus.HostStatus host(String name, boolean ns, boolean docker, boolean ssh) {
        return new TestbedStatus.HostStatus(name, ns, docker ? Optional.of("20.10") : Optional.empty(), ssh,
                "10.77.3.2", List.of());
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
    void nothingAtAllIsAProblemToo() {
        TestbedStatus status = new TestbedStatus(List.of(), List.of(), Optional.empty());
        assertThat(status.healthy()).isFalse();
        assertThat(status.problems()).containsExactly("no hosts");
    }
}

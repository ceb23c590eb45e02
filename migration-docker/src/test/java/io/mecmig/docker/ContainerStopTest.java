package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerStopTest {

    @Test
    void theDieSubscriptionStartsAtTheContainersOwnStartInTheDaemonsClock() {
        // Docker's StartedAt, to the nanosecond, as the Engine API's since parameter takes it.
        assertThat(ContainerStop.DieEvents.since("2026-11-26T20:27:48.012345678Z")).isEqualTo("1795724868.012345678");
        assertThat(ContainerStop.DieEvents.since("2026-11-26T20:27:48Z")).isEqualTo("1795724868.000000000");
    }
}

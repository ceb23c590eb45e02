package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DowntimeProbeTest {

    @Test
    void findsTheLongestGapWithItsStartAndEnd() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        DowntimeProbe probe = DowntimeProbe.start(up::get, Duration.ofMillis(10));
        Thread.sleep(100);
        up.set(false);
        Thread.sleep(300);
        up.set(true);
        Thread.sleep(100);
        ProbeResult result = probe.stop();

        assertThat(result.failures()).isPositive();
        assertThat(result.longest()).isBetween(Duration.ofMillis(300), Duration.ofMillis(2000));
        assertThat(result.longestGap().duration()).isBetween(Duration.ofMillis(290), Duration.ofMillis(2000));
        assertThat(result.longestGap().start()).isBefore(result.longestGap().end());
    }

    @Test
    void anOutageStillOpenAtStopCountsUntilTheStop() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        DowntimeProbe probe = DowntimeProbe.start(up::get, Duration.ofMillis(10));
        Thread.sleep(50);
        up.set(false);
        Thread.sleep(200);
        assertThat(probe.stop().longest()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void noGapWhenAlwaysUp() throws Exception {
        DowntimeProbe probe = DowntimeProbe.start(() -> true, Duration.ofMillis(10));
        Thread.sleep(100);
        ProbeResult result = probe.stop();
        assertThat(result.failures()).isZero();
        assertThat(result.checks()).isGreaterThan(3);
        assertThat(result.longest()).isLessThan(Duration.ofMillis(200));
    }
}

package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DowntimeProbeTest {

    @Test
    void findsTheLongestGapWithItsStartAndEnd() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        long start = System.nanoTime();
        DowntimeProbe probe = DowntimeProbe.start(up::get, Duration.ofMillis(10));
        Thread.sleep(100);
        up.set(false);
        Thread.sleep(300);
        up.set(true);
        Thread.sleep(100);
        ProbeResult result = probe.stop();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // Scheduling on a loaded machine can only lengthen what the probe sees, never shorten it.
        assertThat(result.failures()).isPositive();
        assertThat(result.longest()).isBetween(Duration.ofMillis(300), elapsed);
        assertThat(result.longestGap().duration()).isBetween(Duration.ofMillis(290), elapsed);
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
    void aCheckStillHangingAtStopIsAnOutageNotAGoodAnswer() throws Exception {
        AtomicBoolean frozen = new AtomicBoolean(false);
        CountDownLatch release = new CountDownLatch(1);
        DowntimeProbe probe = DowntimeProbe.start(() -> {
            if (frozen.get()) {
                try {
                    release.await(); // a frozen app: the connection is accepted, the answer never comes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }, Duration.ofMillis(10));
        Thread.sleep(50);
        frozen.set(true);
        Thread.sleep(300);
        try {
            assertThat(probe.stop(Duration.ofMillis(50)).longest()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        } finally {
            release.countDown();
        }
    }

    @Test
    void noGapWhenAlwaysUp() throws Exception {
        long start = System.nanoTime();
        DowntimeProbe probe = DowntimeProbe.start(() -> true, Duration.ofMillis(10));
        Thread.sleep(300);
        ProbeResult result = probe.stop();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.failures()).isZero();
        assertThat(result.checks()).isGreaterThan(3);
        // Between two good answers there is one interval plus scheduling delay: far less than the whole run.
        assertThat(result.longest()).isLessThan(elapsed.dividedBy(2));
    }
}

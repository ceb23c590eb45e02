package io.mecmig.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PollLoopTest {

    @Test
    void aFailingStepNeverStopsTheLoopAndRecoveryIsNoticed() {
        AtomicInteger calls = new AtomicInteger();
        try (PollLoop loop = new PollLoop("test", () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new MecApiException("down");
            }
        })) {
            for (int i = 0; i < 3; i++) {
                loop.runOnce();
            }
            assertThat(loop.failing()).isTrue();
            loop.runOnce();
            assertThat(loop.failing()).isFalse();
            assertThat(loop.polls()).isEqualTo(4);
            assertThat(loop.failures()).isEqualTo(3);
        }
    }

    @Test
    void evenAnErrorThrownByTheStepIsContained() {
        try (PollLoop loop = new PollLoop("test", () -> {
            throw new StackOverflowError("bad answer");
        })) {
            loop.runOnce();
            loop.runOnce();
            assertThat(loop.failures()).isEqualTo(2);
        }
    }

    @Test
    void aStepThatComesDueLongAfterItsTimeIsSkippedOnceAfterAFreeze() {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        AtomicInteger calls = new AtomicInteger();
        long period = Duration.ofMillis(200).toNanos();
        try (PollLoop loop = new PollLoop("test", calls::incrementAndGet, clock::get)) {
            loop.arm(Duration.ofNanos(period)); // no timer: the test calls onSchedule as the timer would
            clock.addAndGet(period);
            assertThat(loop.onSchedule()).isTrue();
            clock.addAndGet(period + PollLoop.FROZEN.toNanos() / 2); // late, as on a busy host
            assertThat(loop.onSchedule()).isTrue();
            clock.addAndGet(period + PollLoop.FROZEN.toNanos() + 1); // frozen meanwhile
            assertThat(loop.onSchedule()).isFalse();
            clock.addAndGet(period);
            assertThat(loop.onSchedule()).isTrue();
            assertThat(calls.get()).isEqualTo(3);
            assertThat(loop.polls()).isEqualTo(3);
        }
    }
}

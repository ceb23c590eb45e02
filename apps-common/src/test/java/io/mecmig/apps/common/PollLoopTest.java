package io.mecmig.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
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
}

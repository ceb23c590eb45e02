package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The UE's check over two hosts, with a readiness that the test controls per host. */
class ServedAnywhereTest {

    private static final ServiceAddress SOURCE = new ServiceAddress("127.0.0.1", 1);
    private static final ServiceAddress TARGET = new ServiceAddress("127.0.0.1", 2);

    private final CountDownLatch thaw = new CountDownLatch(1);
    private final AtomicBoolean sourceFrozen = new AtomicBoolean();
    private final AtomicBoolean targetUp = new AtomicBoolean();
    private final AtomicInteger sourceCalls = new AtomicInteger();

    /** The source answers until frozen, then holds every request until thawed; the target answers once up. */
    private final Readiness readiness = address -> {
        if (address.equals(TARGET)) {
            return targetUp.get();
        }
        sourceCalls.incrementAndGet();
        if (sourceFrozen.get()) {
            try {
                thaw.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        return true;
    };

    private ServedAnywhere served() {
        return new ServedAnywhere(readiness, List.of(() -> SOURCE, () -> TARGET), Duration.ofMillis(50));
    }

    @Test
    void aFrozenSourceIsNotServedAndDoesNotHideTheTargetsAnswer() {
        try (ServedAnywhere served = served()) {
            assertThat(served.getAsBoolean()).isTrue();
            sourceFrozen.set(true);
            assertThat(served.getAsBoolean()).isFalse();
            assertThat(served.getAsBoolean()).isFalse();
            targetUp.set(true);
            // answered without waiting for the held request (which is never let go: waiting would hang),
            // nor asking the frozen source again
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), served::getAsBoolean)).isTrue();
            assertThat(sourceCalls.get()).isEqualTo(2);
        } finally {
            thaw.countDown();
        }
    }

    @Test
    void servedByNeitherIsNotServed() {
        try (ServedAnywhere served = new ServedAnywhere(address -> false, List.of(() -> SOURCE, () -> TARGET),
                Duration.ofMillis(50))) {
            assertThat(served.getAsBoolean()).isFalse();
        }
    }

    @Test
    void aCheckThatThrowsCountsAsNotServed() {
        try (ServedAnywhere served = new ServedAnywhere(address -> {
            throw new IllegalStateException("boom");
        }, List.of(() -> SOURCE), Duration.ofMillis(50))) {
            assertThat(served.getAsBoolean()).isFalse();
        }
    }
}

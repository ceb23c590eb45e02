package io.mecmig.testbed.exec;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition with a deadline (daemons answering, sockets appearing). */
public final class Wait {

    private Wait() {
    }

    /** Polls {@code condition} every {@code interval} until it holds or {@code timeout} passes; true if it held. */
    public static boolean until(Duration timeout, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep(interval);
        }
    }

    /** Sleeps, keeping the interrupt flag if interrupted. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.mecmig.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Tells whether an app answers at an address. One call is one quick check; {@link Readiness#await} polls.
 * Modeled on testcontainers' {@code WaitStrategy}, with static factories in place of its {@code Wait} facade.
 */
@FunctionalInterface
public interface Readiness {

    /**
     * One check, bounded by a short timeout; never throws for an app that is down.
     *
     * @param address where the app answers
     * @return true when it serves
     */
    boolean isReady(ServiceAddress address);

    /**
     * Ready when {@code GET path} answers 2xx. A refused or reset connection fails at once; a request the app has
     * accepted gets up to 2 s for its answer, as a UE's request would. A shorter bound gives up on a freshly started
     * app's first, slow answers (class loading on a busy host): each abandoned request still costs the app its work,
     * the next one queues behind it, and the app is seen ready seconds after it could answer.
     *
     * @param path the path to call, for example {@code /health}
     * @return the check
     */
    static Readiness http(String path) {
        return new HttpReadiness(path, Duration.ofSeconds(2));
    }

    /**
     * Ready when the port accepts a TCP connection.
     *
     * @return the check
     */
    static Readiness tcp() {
        return address -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.host(), address.port()), 250);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /**
     * Polls every {@code interval} until ready or {@code timeout} passes.
     *
     * @param readiness the check
     * @param address where the app answers
     * @param timeout how long to wait at most
     * @param interval the time between two checks
     * @return the time it took
     * @throws ReadinessTimeoutException when the app did not become ready in time
     */
    static Duration await(Readiness readiness, ServiceAddress address, Duration timeout, Duration interval) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!readiness.isReady(address)) {
            if (System.nanoTime() > deadline) {
                throw new ReadinessTimeoutException(address, timeout);
            }
            sleep(interval);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the app to become ready", e);
        }
    }
}

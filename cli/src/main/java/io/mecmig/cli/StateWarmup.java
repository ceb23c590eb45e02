package io.mecmig.cli;

import io.mecmig.docker.DockerHost;
import io.mecmig.docker.catalog.AppDeployment;
import java.time.Duration;

/**
 * Waits until a freshly deployed app has state worth checking: a migration of an app that has not yet read
 * the MEC APIs (USPA without a zone, ASW without a visited zone) keeps its "state" trivially, and its state
 * check would say nothing.
 */
final class StateWarmup {

    private StateWarmup() {
    }

    /**
     * Polls the app's state until its state check could fail (USPA's counter above 0, ASW with a zone).
     *
     * @return true when it does within {@code timeout}; also true for an app without a state endpoint
     */
    static boolean await(AppDeployment app, DockerHost host, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!app.spec().stateProbe().telling(host.serviceAddress(app.spec()))) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep();
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the app gathered its first state", e);
        }
    }
}

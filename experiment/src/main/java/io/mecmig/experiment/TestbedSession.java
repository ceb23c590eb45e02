package io.mecmig.experiment;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Strategies;
import io.mecmig.core.Strategy;
import java.util.Optional;

/**
 * What the runner needs from a testbed: two hosts, a link it can shape, and a way to put an app in a clean
 * starting state before each run. The real testbed implements it with namespaces and dockerds; unit tests
 * with in-memory hosts.
 */
public interface TestbedSession extends AutoCloseable {

    /** The machine the figures come from, in one line, for the report (CPU, memory, kernel, versions). */
    String machine();

    /** Shapes the link between the hosts; called before the first run of every link in the plan. */
    void shape(LinkProfile link);

    /**
     * Why {@code cell} cannot run in this build or on this machine (an app without an image, a strategy
     * whose backend is missing), or empty when it can.
     */
    default Optional<String> whyUnavailable(Cell cell) {
        return Optional.empty();
    }

    /** The strategy called {@code name}; by default the one a backend on the class path provides. */
    default Strategy strategy(String name) {
        return Strategies.named(name);
    }

    /**
     * Brings {@code cell}'s app into a clean starting state: nothing of it left on either host, a fresh
     * container on the source, and some state accumulated (the UE moved for a while) before returning.
     */
    PreparedRun prepare(RunKey run);

    /** Removes what the run left of the app on both hosts; called after every run, even a failed one. */
    void cleanUp(PreparedRun run);

    /** Releases the hosts and restores the link; the testbed itself stays up. */
    @Override
    default void close() {
    }
}

package io.mecmig.experiment;

import io.mecmig.core.LinkProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * A session on which nothing can run, because the testbed or a backend is missing: every cell is recorded
 * as unavailable with the reason, so that an experiment (and the demo's report) says plainly what is
 * missing instead of failing silently. The runs are retried when the experiment is run again.
 */
public final class UnavailableSession implements TestbedSession {

    private final String reason;
    private final String machine;

    public UnavailableSession(String reason, String machine) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.machine = machine;
    }

    @Override
    public String machine() {
        return machine;
    }

    @Override
    public void shape(LinkProfile link) {
        throw new IllegalStateException(reason);
    }

    @Override
    public Optional<String> whyUnavailable(Cell cell) {
        return Optional.of(reason);
    }

    @Override
    public PreparedRun prepare(RunKey run) {
        throw new IllegalStateException(reason);
    }

    @Override
    public void cleanUp(PreparedRun run) {
    }
}

package io.mecmig.cli;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Strategy;
import io.mecmig.experiment.Cell;
import io.mecmig.experiment.PreparedRun;
import io.mecmig.experiment.RunKey;
import io.mecmig.experiment.TestbedSession;
import io.mecmig.testbed.TestbedPlatform;
import java.util.Optional;

/** A testbed session plus the MEC platform (sandbox and gateway) the experiment started for it, closed with it. */
final class SessionWithPlatform implements TestbedSession {

    private final TestbedSession session;
    private final TestbedPlatform platform;

    SessionWithPlatform(TestbedSession session, TestbedPlatform platform) {
        this.session = session;
        this.platform = platform;
    }

    @Override
    public String machine() {
        return session.machine();
    }

    @Override
    public void shape(LinkProfile link) {
        session.shape(link);
    }

    @Override
    public Optional<String> whyUnavailable(Cell cell) {
        return session.whyUnavailable(cell);
    }

    @Override
    public Strategy strategy(String name) {
        return session.strategy(name);
    }

    @Override
    public PreparedRun prepare(RunKey run) {
        return session.prepare(run);
    }

    @Override
    public void cleanUp(PreparedRun run) {
        session.cleanUp(run);
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            platform.close();
        }
    }
}

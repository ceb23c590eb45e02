package io.mecmig.core;

import java.util.ArrayList;
import java.util.List;

/** Rollback steps that strategies share; see {@link Strategy#rollback(Phase)}. */
public final class Rollbacks {

    private Rollbacks() {
    }

    /**
     * Removes the target's copy of the app; after a failed relocation also restarts the source container.
     *
     * @param failed the phase whose step failed
     * @return the rollback steps
     */
    public static List<Step> restartSource(Phase failed) {
        List<Step> steps = new ArrayList<>();
        steps.add(removeFromTarget());
        if (failed == Phase.RELOCATION) {
            steps.add(Step.onSource("restart source container", ctx -> {
                if (!ctx.source().isRunning(ctx.app().container())) {
                    ctx.source().start(ctx.app().container());
                }
            }));
            steps.add(leaveMigrationMode());
        }
        return steps;
    }

    /**
     * Removes the app's container from the target, if a step created one.
     *
     * @return the step
     */
    public static Step removeFromTarget() {
        return Step.onTarget("remove target container", ctx -> ctx.target().removeContainer(ctx.app().container()));
    }

    /**
     * Waits for the source app, then takes a migration-aware app out of migration mode.
     *
     * @return the step
     */
    public static Step leaveMigrationMode() {
        return Step.onSource("leave migration mode", ctx -> {
            AppSpec app = ctx.app();
            if (app.phaseEndpoint().isPresent()) {
                ServiceAddress address = ctx.source().serviceAddress(app);
                Readiness.await(app.readiness(), address, app.readinessTimeout(), java.time.Duration.ofMillis(10));
                PhaseSignal.send(app, address, false);
            }
        });
    }
}

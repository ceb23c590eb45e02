package io.mecmig.docker;

import io.mecmig.core.Key;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import java.time.Duration;

/**
 * FCCP's start on the target, prepared before the downtime: the target container is created with the runtime
 * {@value StartGate#RUNTIME} (where the target's dockerd offers it), and before the app stops on the source its
 * {@code docker start} is sent and held at a {@link StartGate} in front of {@code runc start}. dockerd, containerd, the
 * shim and {@code runc create} (about 0.3 s of a sandboxed container's start here) are then done outside the downtime;
 * inside it, once the app's state is in place, one line opens the gate and the app's process execs.
 *
 * <p>A target without the runtime gets a plain container and the whole {@code docker start} in the downtime, as the
 * report's note says. A relocation that fails before the gate opens aborts it: the held start fails at once, and the
 * created container is removed with the rest of the target's copy.
 */
public final class PreparedStart {

    /** "yes" once the target container was created with the gated runtime. */
    static final Key<String> GATED = Key.of("docker.start.gated", String.class);
    /** The held start: its gate and the {@code docker start} call waiting at it. */
    static final Key<HeldStart> HELD = Key.of("docker.start.held", HeldStart.class);
    /** How long the runtime may take to reach the gate after {@code docker start} is sent. */
    private static final Duration REACH = Duration.ofSeconds(30);

    private PreparedStart() {
    }

    /**
     * The launch of the target container as pre-relocation creates it: with the gated runtime if the target offers it
     * (recorded for {@link #hold()}), else unchanged, with a note in the report.
     */
    static ContainerLaunch launch(StepContext ctx, DockerHost target, ContainerLaunch launch) {
        if (StartGate.offeredBy(target, StartGate.Stage.START)) {
            ctx.put(GATED, "yes");
            return launch.withRuntime(StartGate.RUNTIME);
        }
        ctx.note("the dockerd of " + target.name() + " offers no runtime '" + StartGate.RUNTIME + "' with start gates:"
                + " the container runs with runc, and its whole docker start falls inside the downtime");
        return launch;
    }

    /**
     * Target, before the stop: arms the container's start gate, sends {@code docker start} and returns once the runtime
     * waits at the gate (the container is set up, its process not started). Nothing to do for a plain container.
     */
    public static Step hold() {
        return Step.onTarget("docker start, held at gate", ctx -> {
            if (ctx.find(GATED).isEmpty()) {
                return;
            }
            HeldStart held = HeldStart.send(ctx.target(DockerHost.class), ctx.get(DockerKeys.TARGET_CONTAINER_ID),
                    StartGate.Stage.START);
            ctx.put(HELD, held); // before the wait: a start that fails to arrive is released by rollback
            held.awaitHeld(REACH);
        });
    }

    /**
     * Target, inside the downtime: opens the gate, and ends when {@code docker start} has returned (the app's process
     * runs); a plain container gets its whole {@code docker start} here.
     */
    public static Step start() {
        return Step.onTarget("docker start (gate opened)", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            HeldStart held = ctx.find(HELD).orElse(null);
            if (held == null) {
                target.start(ctx.app().container());
                return;
            }
            held.letThrough();
            held.awaitStarted(DockerHost.SHORT, target);
        }).startsService();
    }

    /**
     * Rollback: aborts a start still held (it fails at once) and waits for its call to end, so that the removal of the
     * target container that follows does not wait on dockerd's lock of a held start.
     */
    public static Step release() {
        return Step.onTarget("abort held start", ctx -> ctx.find(HELD).ifPresent(HeldStart::release));
    }

    /**
     * Recovery and rollback: removes any gate left for the target container (its command killed with the orchestrator
     * before the runtime came), so that a later start of a container of that id is plain.
     */
    public static Step removeGates() {
        return Step.onTarget("remove start gates", ctx -> ctx.find(DockerKeys.TARGET_CONTAINER_ID).ifPresent(id ->
                ctx.target(DockerHost.class).exec(StartGate.removeAll(id), DockerHost.SHORT)));
    }
}

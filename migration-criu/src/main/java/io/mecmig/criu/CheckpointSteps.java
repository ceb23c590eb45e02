package io.mecmig.criu;

import io.mecmig.core.AppState;
import io.mecmig.core.Measures;
import io.mecmig.core.ServiceAddress;
import io.mecmig.core.StateVerdict;
import io.mecmig.core.Step;
import io.mecmig.core.StepAction;
import io.mecmig.core.StepContext;
import io.mecmig.docker.CommonSteps;
import io.mecmig.docker.ContainerLaunch;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerKeys;
import io.mecmig.docker.SourceLayout;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Steps the checkpoint strategies share: target container, placing images, restore, and their checks. */
final class CheckpointSteps {

    static final Duration SHORT = Duration.ofSeconds(30);
    /** Docker's names of a migration's checkpoints of the source: the pre-relocation one and the one that stops it. */
    static final String PRE = "mecmig-pre";
    static final String FINAL = "mecmig-final";

    private CheckpointSteps() {
    }

    /** The name a migration gives its checkpoints, {@code mecmig-<phase>}: Docker wants a plain word. */
    static String checkpointName(StepContext ctx, String what) {
        return "mecmig-" + what;
    }

    /** Docker's checkpoint folder of {@code containerId} on {@code host}. */
    static String checkpointDir(DockerHost host, String containerId, String name) {
        try (CheckpointApi api = CheckpointApi.of(host)) {
            return api.dataRoot() + "/containers/" + containerId + "/checkpoints/" + name;
        }
    }

    /**
     * For a strategy's {@link io.mecmig.core.Strategy#afterMigration}: removes the migration's folders of checkpoint
     * images on the source or the target. Each holds the app's whole memory and is of no use once the app serves
     * again, from the target or, after a rollback, from the source; a migration that leaves the app serving nowhere
     * keeps them. The folders come from what the steps journaled, so a recovery after a crash finds them too; a folder
     * the migration never got to is simply not there.
     *
     * @param onSource true for the source host, false for the target
     * @param folders  the folders on that host, from the context (none when the migration did not get that far)
     */
    static Step removeImages(boolean onSource, Function<StepContext, List<String>> folders) {
        String name = "remove the migration's checkpoint images on the " + (onSource ? "source" : "target");
        StepAction remove = ctx -> {
            List<String> those = folders.apply(ctx);
            if (!those.isEmpty()) {
                DockerHost host = onSource ? ctx.source(DockerHost.class) : ctx.target(DockerHost.class);
                List<String> command = new ArrayList<>(List.of("rm", "-rf"));
                command.addAll(those);
                host.exec(RemoteCommand.of(command), SHORT);
            }
        };
        return onSource ? Step.onSource(name, remove) : Step.onTarget(name, remove);
    }

    /**
     * Source: records the source container's id and the name its final checkpoint will have, both journaled before
     * anything freezes, so that a rollback after a crash of this process still restores the source from it.
     */
    static Step rememberSource() {
        return Step.onSource("remember source container", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            ctx.put(CriuKeys.SOURCE_ID, source.inspect(ctx.app().container(), false).getId());
            ctx.put(CriuKeys.SOURCE_FINAL_CHECKPOINT, FINAL);
        });
    }

    /** Source: reads the app's state just before the freeze, to check a rolled-back source against. */
    static void readStateBefore(StepContext ctx) {
        ctx.app().stateProbe().read(ctx.source().serviceAddress(ctx.app()))
                .ifPresent(state -> ctx.put(CriuKeys.STATE_BEFORE, state));
    }

    /**
     * Target: {@code docker create} of the app's container from the loaded image, with the source's volumes, port,
     * hosts and network mode, not started: a restore needs an existing container to start from a checkpoint. A
     * source in a network sandbox is restored into the target's sandbox ({@link CommonSteps#createSandbox}, which
     * the step list runs before), as runc restores a namespace given by path into the target's namespace.
     */
    static Step createTarget() {
        return createTarget(null);
    }

    /** As {@link #createTarget()}, with the OCI runtime {@code runtime} (Docker's default when null). */
    static Step createTarget(String runtime) {
        return Step.onTarget("docker create", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            SourceLayout layout = ctx.get(DockerKeys.LAYOUT);
            // Docker creates the named volumes with the container: mark them ours, so an abort or a
            // rollback removes them and the app's next move to this host does not find them in the way.
            if (layout.volumes().keySet().stream().noneMatch(target::hasVolume)) {
                ctx.put(DockerKeys.TARGET_VOLUMES_CREATED, "yes");
            }
            // the restored app resolves the MEC gateway as it did on the source: the layout's hosts lines
            ContainerLaunch launch = layout.targetLaunch(ctx.app().container(), ctx.get(DockerKeys.TARGET_IMAGE),
                    List.of(), ctx.app().servicePort());
            ctx.put(CriuKeys.TARGET_ID, target.create(runtime == null ? launch : launch.withRuntime(runtime)));
        });
    }

    /**
     * Target: {@code docker start --checkpoint name}; the app runs again from its memory state. First the
     * checkpoint's files, and those of the volumes streamed into the target's, are checked against the sums the
     * source took ({@link CopyCheck}): CRIU may restore a damaged image "successfully" into an app that dies soon
     * after, when the source is long stopped.
     */
    static Step restoreOnTarget(String name) {
        return Step.onTarget("docker start --checkpoint", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            try (CheckpointApi api = CheckpointApi.of(target)) {
                String id = ctx.get(CriuKeys.TARGET_ID);
                CopyCheck.beforeRestore(ctx, target, api.dataRoot() + "/containers/" + id + "/checkpoints/" + name);
                long start = System.nanoTime();
                api.startFrom(id, name);
                ctx.measure(Measures.RESTORE_TIME, (System.nanoTime() - start) / 1e9);
            }
        }).startsService();
    }

    /**
     * Reads the app's state, again and again until {@code timeout}: a restored app can be ready before it answers
     * its state. CRIU brings established connections back closed (tcp-close), so ASW's memcached client must
     * reconnect first, which spymemcached does after a back-off of a few seconds; its keys were never lost.
     */
    static Optional<AppState> readStateUntil(StepContext ctx, ServiceAddress address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<AppState> state = ctx.app().stateProbe().read(address);
        while (state.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CheckpointException("interrupted while reading the restored app's state", e);
            }
            state = ctx.app().stateProbe().read(address);
        }
        return state;
    }

    /**
     * Makes a checkpoint Docker wrote (files 0644 under dockerd's umask) readable by root only, files 0600 and
     * folders 0700, and returns its size; one round trip, as it runs while the app may be frozen.
     */
    static long privateFolderSize(DockerHost host, String folder) {
        String out = host.exec(RemoteCommand.of("chmod", "-R", "go=", folder)
                .then(RemoteCommand.of("du", "-sb", folder)), SHORT).stdout();
        return Long.parseLong(out.strip().split("\\s+")[0]);
    }

    /** Size in bytes of a folder on {@code host}. */
    static long folderSize(DockerHost host, String folder) {
        String out = host.exec(RemoteCommand.of("du", "-sb", folder), SHORT).stdout();
        return Long.parseLong(out.strip().split("\\s+")[0]);
    }

    /**
     * Rollback: brings the source back from its final checkpoint when relocation froze and stopped it, so its
     * memory state is kept; then checks the state against the one read before the freeze. A source that never
     * stopped is left as it is. When the final checkpoint cannot be restored (a dump cut short by a crash of the app),
     * an app whose state is all in memory comes back from its pre-relocation checkpoint, with what it held then; an
     * app with volumes is started plainly, since its volumes are newer than that memory. Every loss is said.
     */
    static Step restoreSource() {
        return Step.onSource("restore source from its checkpoint", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            String container = ctx.app().container();
            if (source.isRunning(container)) {
                return;
            }
            Optional<String> checkpoint = ctx.find(CriuKeys.SOURCE_FINAL_CHECKPOINT);
            if (checkpoint.isEmpty()) {
                source.start(container);
                ctx.note("rollback: the source stopped before a checkpoint existed; it was restarted from its image");
                return;
            }
            try (CheckpointApi api = CheckpointApi.of(source)) {
                api.startFrom(container, checkpoint.get());
            } catch (RuntimeException unusable) {
                // The dump never finished (the app crashed or was killed during it).
                String why = "the source's final checkpoint could not be restored (" + unusable.getMessage() + ")";
                if (!restoredFromPreRelocation(ctx, source, why)) {
                    source.start(container);
                    ctx.note("rollback: " + why + "; it was restarted from its image and volumes: its memory state is lost");
                }
                return;
            }
            checkRolledBackState(ctx);
        });
    }

    /**
     * The fallback of a broken final dump for an app whose state is all in memory: the pre-relocation checkpoint,
     * put where Docker looks and restored. Its memory is as old as that checkpoint; what changed after is lost, and
     * the note compares the state with the one read before the freeze.
     *
     * @return false when there is no such checkpoint, the app has volumes, or the restore fails too
     */
    private static boolean restoredFromPreRelocation(StepContext ctx, DockerHost source, String why) {
        Optional<String> pre = ctx.find(CriuKeys.SOURCE_PRE_DUMP);
        if (pre.isEmpty() || !ctx.app().volumes().isEmpty()) {
            return false;
        }
        String container = ctx.app().container();
        String dir = checkpointDir(source, source.inspect(container, false).getId(), PRE);
        try (CheckpointApi api = CheckpointApi.of(source)) {
            if (!pre.get().equals(dir)) {
                source.exec(RemoteCommand.of("rm", "-rf", dir).then(RemoteCommand.of("cp", "-a", pre.get(), dir)), SHORT);
            }
            api.startFrom(container, PRE);
        } catch (RuntimeException alsoUnusable) {
            ctx.note("rollback: " + why + ", nor its pre-relocation checkpoint (" + alsoUnusable.getMessage() + ")");
            return false;
        }
        ctx.note("rollback: " + why + "; the source was restored from its pre-relocation checkpoint instead: its"
                + " memory as it was then, what changed after it is lost (against the state before the freeze: "
                + stateAgainstBefore(ctx) + ")");
        return true;
    }

    /** The restored source's state against the one read before the freeze, as a verdict's words; never throws. */
    private static String stateAgainstBefore(StepContext ctx) {
        Optional<AppState> before = ctx.find(CriuKeys.STATE_BEFORE);
        if (before.isEmpty()) {
            return "no state read before the freeze";
        }
        Optional<AppState> after = readStateUntil(ctx, ctx.source().serviceAddress(ctx.app()), ctx.app().readinessTimeout());
        return after.map(state -> ctx.app().stateProbe().compare(before.get(), state).detail()).orElse("no state answered");
    }

    private static void checkRolledBackState(StepContext ctx) {
        Optional<AppState> before = ctx.find(CriuKeys.STATE_BEFORE);
        if (before.isEmpty()) {
            return;
        }
        ServiceAddress address = ctx.source().serviceAddress(ctx.app());
        io.mecmig.core.Readiness.await(ctx.app().readiness(), address, ctx.app().readinessTimeout(),
                Duration.ofMillis(10));
        long ready = System.nanoTime();
        AppState after = readStateUntil(ctx, address, ctx.app().readinessTimeout()).orElseThrow(() ->
                new CheckpointException("the restored source answered no state within "
                        + ctx.app().readinessTimeout().toSeconds() + " s of being ready"));
        StateVerdict verdict = ctx.app().stateProbe().compare(before.get(), after);
        if (!verdict.preserved()) {
            throw new CheckpointException("the source restored from its checkpoint lost state: " + verdict.detail());
        }
        ctx.note(String.format(java.util.Locale.ROOT, "rollback: source restored from its checkpoint, state kept (%s;"
                + " state answered %.2f s after readiness)", verdict.detail(), (System.nanoTime() - ready) / 1e9));
    }
}

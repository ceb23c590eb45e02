package io.mecmig.criu;

import io.mecmig.core.Measures;
import io.mecmig.core.Phase;
import io.mecmig.core.Rollbacks;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import io.mecmig.core.Strategy;
import io.mecmig.docker.CommonSteps;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.FccpStrategy;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.transfer.RsyncTransfer;
import java.util.ArrayList;
import java.util.List;

/**
 * FullSP, Full State Preservation, exactly as the paper runs it, through Docker's own checkpoint API.
 *
 * <p>Procedure A (the app keeps serving): FCCP's {@code commit} (pauses), {@code save}, {@code scp},
 * {@code load}, then {@code docker checkpoint create --leave-running} and {@code rsync} of the checkpoint
 * folder to the target. Procedure B: {@code docker checkpoint create} (dumps and stops the app: the downtime
 * starts), {@code tar} of the volumes, {@code rsync} of the checkpoint again (only what changed moves), the
 * volumes' {@code dd | nc}, {@code volume create}, {@code docker create}, and {@code docker start
 * --checkpoint} on the target. What crosses the link in relocation is summed on the source and checked on the
 * target right before it is used (the volume tarballs before the untar, the checkpoint before the restore).
 *
 * <p>A failed relocation restores the source from the checkpoint that stopped it, so no memory state is
 * lost, and checks that state against the one read before the freeze ({@link CheckpointSteps#restoreSource}). Both
 * checkpoints are removed once the migration has ended with the app serving.
 */
public final class FullSpStrategy implements Strategy {

    static final String PRE = CheckpointSteps.PRE;
    static final String FINAL = CheckpointSteps.FINAL;

    @Override
    public String name() {
        return "fullsp";
    }

    @Override
    public String description() {
        return "FCCP's image plus docker checkpoint --leave-running and rsync; then docker checkpoint (stops),"
                + " rsync of the changes, volume copy, docker start --checkpoint";
    }

    @Override
    public StateNeeds preserves() {
        return StateNeeds.FULL_STATE;
    }

    @Override
    public List<Step> steps(Phase phase) {
        if (phase == Phase.PRE_RELOCATION) {
            return List.of(CommonSteps.inspectSource(), CriuConfigCheck.step(), CheckpointSteps.rememberSource(), FccpStrategy.commit(),
                    FccpStrategy.save(), CommonSteps.scpTarball(), FccpStrategy.load(), CommonSteps.removeTarballs(),
                    CommonSteps.createSandbox(), checkpoint(PRE, false), rsyncCheckpoint(PRE));
        }
        return List.of(checkpoint(FINAL, true), CommonSteps.tarVolumes(), rsyncCheckpoint(FINAL),
                CommonSteps.sendVolumes(), CommonSteps.createVolumes(), CheckpointSteps.createTarget(),
                placeCheckpoint(), CheckpointSteps.restoreOnTarget(FINAL));
    }

    @Override
    public List<Step> rollback(Phase failed) {
        List<Step> steps = new ArrayList<>();
        steps.add(Rollbacks.removeFromTarget());
        if (failed == Phase.RELOCATION) {
            steps.add(CheckpointSteps.restoreSource());
        }
        steps.addAll(CommonSteps.cleanUp());
        return steps;
    }

    /** The images this migration made, and its checkpoints: both on the source, the final one on the target. */
    @Override
    public List<Step> afterMigration() {
        List<Step> steps = new ArrayList<>(MigrationImages.afterMigration());
        steps.add(CheckpointSteps.removeImages(true, ctx -> ctx.find(CriuKeys.SOURCE_ID).map(id -> List.of(
                CheckpointSteps.checkpointDir(ctx.source(DockerHost.class), id, PRE),
                CheckpointSteps.checkpointDir(ctx.source(DockerHost.class), id, FINAL))).orElse(List.of())));
        steps.add(CheckpointSteps.removeImages(false, ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            List<String> folders = new ArrayList<>(List.of(receivedImages(ctx, target)));
            ctx.find(CriuKeys.TARGET_ID).ifPresent(id -> folders.add(CheckpointSteps.checkpointDir(target, id, FINAL)));
            return folders;
        }));
        return steps;
    }

    /** Where rsync puts the checkpoint on the target, before it is placed. */
    private static String receivedImages(StepContext ctx, DockerHost target) {
        return target.workFile(ctx.migrationId() + ".checkpoint");
    }

    /** Source: {@code docker checkpoint create}; with {@code exit} it stops the app and the downtime starts. */
    static Step checkpoint(String name, boolean exit) {
        Step step = Step.onSource(exit ? "docker checkpoint (stops)" : "docker checkpoint --leave-running", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            String container = ctx.app().container();
            if (exit) {
                CheckpointSteps.readStateBefore(ctx);
            }
            String dir = CheckpointSteps.checkpointDir(source, ctx.get(CriuKeys.SOURCE_ID), name);
            source.exec(RemoteCommand.of("rm", "-rf", dir), CheckpointSteps.SHORT);
            long start = System.nanoTime();
            try (CheckpointApi api = CheckpointApi.of(source)) {
                api.create(container, name, exit);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long size = CheckpointSteps.privateFolderSize(source, dir);
            if (exit) {
                // Docker hides CRIU's statistics: its whole checkpoint call is the freeze as the app sees it.
                ctx.measure(Measures.FROZEN_TIME, seconds);
                ctx.measure(Measures.CHECKPOINT_SIZE, size);
            } else {
                ctx.put(CriuKeys.SOURCE_PRE_DUMP, dir);
                ctx.measure(Measures.CHECKPOINT_PRE_SIZE, size);
            }
        });
        return exit ? step.stopsService() : step;
    }

    /** Link: {@code rsync} of Docker's checkpoint folder into the target's work dir (the same one both times). */
    static Step rsyncCheckpoint(String name) {
        return Step.onLink("rsync checkpoint", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            String from = CheckpointSteps.checkpointDir(source, ctx.get(CriuKeys.SOURCE_ID), name);
            String to = receivedImages(ctx, target);
            target.exec(RemoteCommand.privateFolders(to), CheckpointSteps.SHORT);
            long size = CheckpointSteps.folderSize(source, from);
            // The final checkpoint is summed on the source while rsync sends it; the target checks its copy before
            // the restore.
            try (CopyCheck sums = name.equals(FINAL) ? CopyCheck.start(source, from) : null) {
                var t = RsyncTransfer.sync(source, from, target, to, "checkpoint " + name, size, ctx.link());
                ctx.transferred(t);
                if (sums != null) {
                    ctx.measure(Measures.CHECKPOINT_SENT, t.bytes());
                    long waited = System.nanoTime();
                    ctx.put(CopyCheck.CHECKPOINT, sums.await("checkpoint " + FINAL, to));
                    ctx.measure(CopyCheck.SOURCE_WAIT, (System.nanoTime() - waited) / 1e9);
                }
            }
            ctx.put(CriuKeys.TARGET_IMAGES, to);
        });
    }

    /** Target: moves the received images into the new container's checkpoint folder, where Docker looks. */
    static Step placeCheckpoint() {
        return Step.onTarget("place checkpoint", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            String dir = CheckpointSteps.checkpointDir(target, ctx.get(CriuKeys.TARGET_ID), FINAL);
            String parent = dir.substring(0, dir.lastIndexOf('/'));
            target.exec(RemoteCommand.privateFolders(parent).then(RemoteCommand.of("rm", "-rf", dir))
                    .then(RemoteCommand.of("mv", ctx.get(CriuKeys.TARGET_IMAGES), dir)), CheckpointSteps.SHORT);
        });
    }
}

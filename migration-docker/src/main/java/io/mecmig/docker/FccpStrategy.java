package io.mecmig.docker;

import io.mecmig.core.Measures;
import io.mecmig.core.Phase;
import io.mecmig.core.Rollbacks;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.Step;
import io.mecmig.core.Strategy;
import io.mecmig.docker.transfer.Checksums;
import java.util.ArrayList;
import java.util.List;

/**
 * FCCP, Filesystem and Container Configuration Preservation. Procedure A: {@code docker commit} (which
 * pauses the container while it runs: the first, short downtime, measured as the commit freeze),
 * {@code docker save}, {@code scp}, {@code docker load}. Procedure B as SFP's, but the loaded image keeps
 * CMD, ENV and WORKDIR, so the target container needs no manual input.
 *
 * <p>The paper's {@code docker run} is split in two: procedure A ends with {@code docker create} of the target
 * container from the loaded image (not started; its volume is created with it, empty), and procedure B fills
 * that volume with the source's copy and runs {@code docker start}. Everything {@code run} does is still done
 * and timed, but only the start falls inside the downtime. An abort or a rollback removes the created container
 * and its volume with the rest of the target's copy.
 *
 * <p>The paper's {@code tar}, {@code dd | nc} and untar of the volume are one raw TCP stream whose receiver on the target
 * listens before the stop ({@link VolumeStreamSteps}): inside the downtime, one command on the source and one line to
 * the waiting receiver, which checks the copy's sum before it unpacks it into the created container's volume.
 *
 * <p>The start is prepared too ({@link PreparedStart}): where the target's dockerd offers the runtime
 * {@value StartGate#RUNTIME}, the container is created with it, and before the stop its {@code docker start} is sent and
 * held at a {@link StartGate} in front of {@code runc start}, so that dockerd's, containerd's and runc's set-up of the
 * container is done outside the downtime. Inside it, once the volume is unpacked (or, for an app without volumes, once
 * its process has exited on the source), one line opens the gate, and the step ends when {@code docker start} returns.
 * It is still FCCP: the container runs the loaded image's own CMD, ENV and WORKDIR with no input by hand, and the app's
 * process starts only after the stop and with its volume in place; only Docker's container set-up moved before the
 * stop. A target without the runtime gets the whole {@code docker start} in the downtime, and the report says so.
 */
public final class FccpStrategy implements Strategy {

    @Override
    public String name() {
        return "fccp";
    }

    @Override
    public String description() {
        return "commit (paused), save, scp, load, create; then start held before runc start, stop, tar | nc the volume"
                + " to a listening target, let the loaded image's CMD run";
    }

    @Override
    public StateNeeds preserves() {
        return StateNeeds.USER_STATE;
    }

    @Override
    public List<Step> steps(Phase phase) {
        if (phase == Phase.PRE_RELOCATION) {
            return List.of(CommonSteps.inspectSource(), commit(), save(), CommonSteps.scpTarball(), load(),
                    CommonSteps.removeTarballs(), CommonSteps.createSandbox(), createTarget());
        }
        return List.of(PreparedStart.hold(), CommonSteps.tellPhase(), VolumeStreamSteps.listen(),
                VolumeStreamSteps.prepareStop(), VolumeStreamSteps.stop(), VolumeStreamSteps.send(),
                VolumeStreamSteps.unpack(), PreparedStart.start());
    }

    @Override
    public List<Step> rollback(Phase failed) {
        List<Step> steps = new ArrayList<>();
        if (failed == Phase.RELOCATION) {
            steps.add(PreparedStart.release());
            steps.add(VolumeStreamSteps.stopWaitingCommands());
        }
        steps.addAll(Rollbacks.restartSource(failed));
        if (failed == Phase.RELOCATION) {
            steps.add(PreparedStart.removeGates());
        }
        steps.addAll(CommonSteps.cleanUp());
        return steps;
    }

    @Override
    public List<Step> afterMigration() {
        return MigrationImages.afterMigration();
    }

    /** Source: {@code docker commit} with the default pause; the freeze is the commit's duration. */
    public static Step commit() {
        return Step.onSource("docker commit (pauses)", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            String image = CommonSteps.imageName(ctx);
            int colon = image.lastIndexOf(':');
            ctx.put(DockerKeys.COMMITTED_IMAGE, image); // before the call: a crash mid-commit is cleaned up too
            long start = System.nanoTime();
            source.docker().commitCmd(ctx.app().container()).withPause(true)
                    .withRepository(image.substring(0, colon)).withTag(image.substring(colon + 1)).exec();
            ctx.measure(Measures.COMMIT_FREEZE, (System.nanoTime() - start) / 1e9);
        });
    }

    /** Source: {@code docker save} of the committed image into the source's work dir, by the host's CLI. */
    public static Step save() {
        return Step.onSource("docker save", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            String tarball = source.workFile(ctx.migrationId() + ".save.tar");
            source.dockerCli(DockerHost.LONG, "save", "-o", tarball, ctx.get(DockerKeys.COMMITTED_IMAGE));
            ctx.measure(Measures.TARBALL_SIZE, source.fileSize(tarball));
            ctx.put(DockerKeys.SOURCE_TARBALL, tarball);
        });
    }

    /** Target: {@code docker load} of the received tarball, by the host's CLI, once it is checked against its sum. */
    public static Step load() {
        return Step.onTarget("docker load", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            ctx.put(DockerKeys.TARGET_IMAGE, ctx.get(DockerKeys.COMMITTED_IMAGE));
            String tarball = ctx.get(DockerKeys.TARGET_TARBALL);
            Checksums.runIfIntact(target, tarball, ctx.get(DockerKeys.TARBALL_SUM), "image tarball",
                    target.dockerCommand("load", "-q", "-i", tarball), DockerHost.LONG);
        });
    }

    /**
     * Target, procedure A: {@code docker create} of the app's container from the loaded image, with the source's
     * volumes, port, hosts and network mode (in its network sandbox, made just before), not started. The volumes it
     * mounts are created with it (empty) and journaled as this migration's, so that rollback removes them; their
     * mountpoints are recorded for relocation's volume copy.
     */
    public static Step createTarget() {
        return Step.onTarget("docker create (not started)", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            SourceLayout layout = ctx.get(DockerKeys.LAYOUT);
            ctx.put(DockerKeys.TARGET_VOLUMES_CREATED, "yes"); // before the call: a half-done create is cleaned too
            String id = target.create(PreparedStart.launch(ctx, target, layout.targetLaunch(ctx.app().container(),
                    ctx.get(DockerKeys.TARGET_IMAGE), List.of(), ctx.app().servicePort())));
            ctx.put(DockerKeys.TARGET_CONTAINER_ID, id);
            for (String volume : ctx.app().volumes()) {
                ctx.put(DockerKeys.targetMountpoint(volume), target.volumeMountpoint(volume));
            }
        });
    }
}

package io.mecmig.criu;

import io.mecmig.core.Key;
import io.mecmig.core.Measures;
import io.mecmig.core.Phase;
import io.mecmig.core.Rollbacks;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import io.mecmig.core.Strategy;
import io.mecmig.core.Transfer;
import io.mecmig.docker.CommonSteps;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.FccpStrategy;
import io.mecmig.docker.ssh.RemoteCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-state migration faster than FullSP, with all state kept: CRIU driven through runc, a page-level
 * content delta, compression chosen by the link rate, and one stream with no temporary files.
 *
 * <p>Procedure A (the app keeps serving): FCCP's image ({@code commit}, {@code save}, {@code scp},
 * {@code load}); {@code docker create} of the target container (a created container costs nothing and
 * saves the create inside the downtime); {@code runc checkpoint --leave-running} into tmpfs (Docker's API
 * wraps the same dump in about a second of copies); every 4 KiB page of it hashed; the dump streamed to the
 * target's tmpfs.
 *
 * <p>Procedure B: {@code runc checkpoint} (dumps and stops the app) straight into the source container's
 * Docker checkpoint folder, where rollback finds it; the delta of its pages against the pre-relocation dump
 * (pages seen before become references) streamed, zstd-compressed below 1 Gbit/s, and rebuilt on the fly in
 * the target's tmpfs; the volumes streamed by tar into the target's; a plain {@code docker start}, which the
 * target container's runtime ({@link RestoringRuntime}) turns into {@code runc restore} from those images:
 * Docker owns the restored container without the copies of its checkpoint API.
 */
public final class PageDeltaStrategy implements Strategy {

    static final String FINAL = "mecmig-final";
    /** Per-app working folders on tmpfs; a later migration of the same app reuses and first wipes them. */
    static final String TMPFS = "/dev/shm/mecmig-criu/";
    /** runc's view of the source container, found once in pre-relocation. */
    static final Key<RuncContainer> RUNC = Key.of("criu.runc.source", RuncContainer.class);
    /** Docker's folder for the final checkpoint of the source container; where the target's restore reads it. */
    static final Key<String> SOURCE_FINAL_DIR = Key.of("criu.source.final.dir", String.class);
    static final Key<String> TARGET_FINAL_DIR = Key.of("criu.target.final.dir", String.class);
    /** A bound on a delta's size, only to bound its transfer time. */
    static final long MAX_DELTA = 256L << 20;

    @Override
    public String name() {
        return "fullsp-delta";
    }

    @Override
    public String description() {
        return "FCCP's image and runc checkpoint --leave-running streamed ahead; then runc checkpoint (stops),"
                + " 4 KiB page delta (zstd below 1 Gbit/s) streamed to the target's tmpfs, docker start restoring it (runtime mecmig-restore)";
    }

    @Override
    public StateNeeds preserves() {
        return StateNeeds.FULL_STATE;
    }

    @Override
    public List<Step> steps(Phase phase) {
        if (phase == Phase.PRE_RELOCATION) {
            return List.of(CommonSteps.inspectSource(), CriuConfigCheck.step(), RestoringRuntime.check(),
                    CheckpointSteps.rememberSource(), FccpStrategy.commit(), FccpStrategy.save(), CommonSteps.scpTarball(),
                    FccpStrategy.load(), CommonSteps.removeTarballs(), CommonSteps.createSandbox(),
                    CheckpointSteps.createTarget(RestoringRuntime.NAME),
                    preDump(), indexPages(), sendPreDump());
        }
        return List.of(finalDump(), sendDelta(), VolumeStream.step(), RestoringRuntime.start());
    }

    @Override
    public List<Step> rollback(Phase failed) {
        List<Step> steps = new ArrayList<>();
        steps.add(Rollbacks.removeFromTarget());
        if (failed == Phase.RELOCATION) {
            steps.add(CheckpointSteps.restoreSource());
        }
        steps.addAll(CommonSteps.cleanUp());
        steps.add(Step.onSource("remove tmpfs dumps", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            source.exec(RemoteCommand.of("rm", "-rf", folder(ctx, source)), CheckpointSteps.SHORT);
            target.exec(RemoteCommand.of("rm", "-rf", folder(ctx, target)).then(RestoringRuntime.forget(ctx)),
                    CheckpointSteps.SHORT);
        }));
        return steps;
    }

    /** The app's folder on {@code host}'s tmpfs; named by host too, since test hosts may share one machine. */
    static String folder(StepContext ctx, DockerHost host) {
        return TMPFS + host.name() + "/" + ctx.app().container();
    }

    /** The tmpfs folders down to the app's, 0700: dumps hold the app's whole memory. */
    static RemoteCommand privateFolders(StepContext ctx, DockerHost host) {
        return RemoteCommand.privateFolders(TMPFS, TMPFS + host.name(), folder(ctx, host));
    }

    static String preDir(StepContext ctx, DockerHost host) {
        return folder(ctx, host) + "/pre";
    }

    static Step preDump() {
        return Step.onSource("runc checkpoint --leave-running", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            source.exec(RemoteCommand.of("rm", "-rf", folder(ctx, source)).then(privateFolders(ctx, source)),
                    CheckpointSteps.SHORT);
            RuncContainer runc = RuncContainer.locate(source, ctx.app().container());
            ctx.put(RUNC, runc);
            ctx.put(SOURCE_FINAL_DIR, CheckpointSteps.checkpointDir(source, runc.id(), FINAL));
            ctx.put(TARGET_FINAL_DIR, RestoringRuntime.imagesDir(ctx.get(CriuKeys.TARGET_ID)));
            RuncContainer.Dump dump = runc.dump(preDir(ctx, source), folder(ctx, source) + "/pre-work", true);
            ctx.measure(Measures.CHECKPOINT_PRE_SIZE, dump.sizeBytes());
        });
    }

    static Step indexPages() {
        return Step.onSource("hash 4 KiB pages", ctx ->
                {
            DockerHost source = ctx.source(DockerHost.class);
            source.exec(PageDelta.index(preDir(ctx, source)), RuncContainer.DUMP_TIMEOUT);
        });
    }

    static Step sendPreDump() {
        return Step.onLink("stream pre-relocation dump", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            String pre = preDir(ctx, source);
            String received = preDir(ctx, target);
            long size = CheckpointSteps.folderSize(source, pre);
            RemoteCommand receive = RemoteCommand.of("rm", "-rf", folder(ctx, target))
                    .then(privateFolders(ctx, target)).then(RemoteCommand.privateFolders(received))
                    .then(RemoteCommand.of("tar", "-x", "-C", received));
            Transfer t = LinkStream.send(source, RemoteCommand.of("tar", "-c", "-C", pre, "--exclude", ".page-index", "."),
                    target, new RemoteCommand("sh -c " + RemoteCommand.quote(receive.line())),
                    Compression.forLink(ctx.link()), "pre-relocation dump", LinkStream.timeoutFor(size, ctx.link()));
            ctx.transferred(t);
        });
    }

    /** Source: the final dump; the app stops here and the downtime starts. */
    static Step finalDump() {
        return Step.onSource("runc checkpoint (stops)", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            CheckpointSteps.readStateBefore(ctx);
            String dir = ctx.get(SOURCE_FINAL_DIR);
            // Known before the dump: should it fail half-way, rollback still looks for it.
            ctx.put(CriuKeys.SOURCE_FINAL_CHECKPOINT, FINAL);
            RuncContainer.Dump dump = ctx.get(RUNC).dump(dir, folder(ctx, source) + "/final-work", false);
            ctx.measure(Measures.FROZEN_TIME, dump.stats().frozenSeconds());
            ctx.measure(Measures.CHECKPOINT_SIZE, dump.sizeBytes());
            ctx.put(CriuKeys.SOURCE_FINAL_DUMP, dir);
        }).stopsService();
    }

    /** Link: the final dump as a page delta, rebuilt on the fly into the target container's checkpoint folder. */
    static Step sendDelta() {
        return Step.onLink("stream page delta", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            String out = ctx.get(TARGET_FINAL_DIR);
            RemoteCommand receive = RemoteCommand.of("rm", "-rf", out)
                    .then(RemoteCommand.privateFolders(TMPFS, RestoringRuntime.SPOOL))
                    .then(PageDelta.apply(preDir(ctx, target), out));
            String dump = ctx.get(CriuKeys.SOURCE_FINAL_DUMP);
            // The dump is summed on the source while its delta streams; the target checks the checkpoint it rebuilt
            // (from the delta and its own copy of the pre-relocation dump) before the restore.
            try (CopyCheck sums = CopyCheck.start(source, dump)) {
                Transfer t = LinkStream.send(source, PageDelta.make(preDir(ctx, source), dump),
                        target, new RemoteCommand("sh -c " + RemoteCommand.quote(receive.line())),
                        Compression.forLink(ctx.link()), "checkpoint page delta", LinkStream.timeoutFor(MAX_DELTA, ctx.link()));
                ctx.transferred(t);
                ctx.measure(Measures.CHECKPOINT_SENT, t.bytes());
                long waited = System.nanoTime();
                ctx.put(CopyCheck.CHECKPOINT, sums.await("checkpoint " + FINAL, out));
                ctx.measure(CopyCheck.SOURCE_WAIT, (System.nanoTime() - waited) / 1e9);
            }
        });
    }
}

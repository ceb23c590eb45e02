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
import io.mecmig.docker.MigrationImages;
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
 * <p>Procedure B: the target's {@code docker start} sent, and its {@code runc restore} held before CRIU (before the
 * freeze, where the runtime has restore gates); {@code runc checkpoint} (dumps and stops the app) straight into the
 * source container's Docker checkpoint folder, where rollback finds it, and in the same command on the source the delta of its pages
 * against the pre-relocation dump (pages seen before become references) streamed, each page image as soon as CRIU
 * has closed it, zlib-compressed below 1 Gbit/s,
 * and rebuilt in the target's tmpfs from the target's copy of the pre-relocation dump, each file checked
 * against the CRC-32 the source read ({@link FinalDumpStream}); the volumes streamed by tar into the target's; a
 * {@code docker start} (the held one let through), which the target container's runtime ({@link RestoringRuntime}) turns into
 * {@code runc restore} from those images: Docker owns the restored container without the copies of its checkpoint
 * API. Folders are made in procedure A, so that after the freeze only the dump, the delta and the restore run.
 */
public final class PageDeltaStrategy implements Strategy {

    static final String FINAL = CheckpointSteps.FINAL;
    /** Per-app working folders on tmpfs; a later migration of the same app reuses and first wipes them. */
    static final String TMPFS = "/dev/shm/mecmig-criu/";
    /** runc's view of the source container, found once in pre-relocation. */
    static final Key<RuncContainer> RUNC = Key.of("criu.runc.source", RuncContainer.class);
    /** Docker's folder for the final checkpoint of the source container; where the target's restore reads it. */
    static final Key<String> SOURCE_FINAL_DIR = Key.journaled("criu.source.final.dir");
    static final Key<String> TARGET_FINAL_DIR = Key.of("criu.target.final.dir", String.class);
    /** The final dump's stream, from the step that starts it to the one that waits for it. */
    static final Key<FinalDumpStream> STREAM = Key.of("criu.final.stream", FinalDumpStream.class);
    /** A bound on a delta's size, only to bound its transfer time. */
    static final long MAX_DELTA = 256L << 20;

    @Override
    public String name() {
        return "fullsp-delta";
    }

    @Override
    public String description() {
        return "FCCP's image and runc checkpoint --leave-running streamed ahead; then runc checkpoint (stops),"
                + " 4 KiB page delta (zlib below 1 Gbit/s) streamed as CRIU writes to the target's tmpfs, docker start restoring it (runtime mecmig-restore)";
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
        // With no volume to stream after the delta, the checked images are all the restore waits for.
        return List.of(RestoringRuntime.hold(ctx -> preDir(ctx, ctx.target(DockerHost.class)),
                ctx -> ctx.app().volumes().isEmpty()), finalDump(), sendDelta(), VolumeStream.step(), restore());
    }

    @Override
    public List<Step> rollback(Phase failed) {
        List<Step> steps = new ArrayList<>();
        steps.add(RestoringRuntime.release()); // a held start keeps dockerd's lock of the container the next step removes
        steps.add(Rollbacks.removeFromTarget());
        if (failed == Phase.RELOCATION) {
            steps.add(CheckpointSteps.restoreSource());
        }
        steps.addAll(CommonSteps.cleanUp());
        // The dumps themselves go with afterMigration(), and only once the app serves again: until then they may be
        // what brings it back.
        steps.add(Step.onTarget("end the page delta and the target's restore", ctx -> {
            ctx.find(STREAM).ifPresent(FinalDumpStream::close);
            ctx.target(DockerHost.class).exec(RestoringRuntime.forget(ctx), CheckpointSteps.SHORT);
        }));
        return steps;
    }

    /** The images this migration made, and its dumps: the tmpfs folders on both hosts and the source's final dump. */
    @Override
    public List<Step> afterMigration() {
        List<Step> steps = new ArrayList<>(MigrationImages.afterMigration());
        steps.add(CheckpointSteps.removeImages(true, ctx -> {
            List<String> folders = new ArrayList<>(List.of(folder(ctx, ctx.source(DockerHost.class))));
            ctx.find(SOURCE_FINAL_DIR).ifPresent(folders::add);
            return folders;
        }));
        steps.add(CheckpointSteps.removeImages(false, ctx -> List.of(folder(ctx, ctx.target(DockerHost.class)))));
        return steps;
    }

    /** The app's folder on {@code host}'s tmpfs; named by host too, since test hosts may share one machine. */
    static String folder(StepContext ctx, DockerHost host) {
        return folder(host, ctx.app().container());
    }

    static String folder(DockerHost host, String container) {
        return TMPFS + host.name() + "/" + container;
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
            RuncContainer runc = RuncContainer.locate(source, ctx.app().container());
            ctx.put(RUNC, runc);
            ctx.put(SOURCE_FINAL_DIR, CheckpointSteps.checkpointDir(source, runc.id(), FINAL));
            ctx.put(TARGET_FINAL_DIR, RestoringRuntime.imagesDir(ctx.get(CriuKeys.TARGET_ID)));
            // The final dump's folders are made now: nothing that can be done before the freeze is left for after.
            source.exec(RemoteCommand.of("rm", "-rf", folder(ctx, source)).then(privateFolders(ctx, source))
                    .then(RuncContainer.prepare(ctx.get(SOURCE_FINAL_DIR), finalWork(ctx, source))), CheckpointSteps.SHORT);
            ctx.put(CriuKeys.SOURCE_PRE_DUMP, preDir(ctx, source));
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
            String out = ctx.get(TARGET_FINAL_DIR);
            // The target's folder for the final images is readied too: the delta inside the downtime only writes.
            RemoteCommand receive = RemoteCommand.of("rm", "-rf", folder(ctx, target), out, out + ".part")
                    .then(privateFolders(ctx, target)).then(RemoteCommand.privateFolders(received, RestoringRuntime.SPOOL))
                    .then(RemoteCommand.of("tar", "-x", "-C", received));
            Transfer t = LinkStream.send(source, RemoteCommand.of("tar", "-c", "-C", pre, "--exclude", ".page-index", "."),
                    target, new RemoteCommand("sh -c " + RemoteCommand.quote(receive.line())),
                    Compression.forLink(ctx.link()), "pre-relocation dump", LinkStream.timeoutFor(size, ctx.link()));
            ctx.transferred(t);
        });
    }

    static String finalWork(StepContext ctx, DockerHost host) {
        return folder(ctx, host) + "/final-work";
    }

    /**
     * Source: the final dump; the app stops here and the downtime starts. One command does the dump and streams its
     * delta ({@link FinalDumpStream}); this step returns when the dump is done, the next one when the delta is in.
     */
    static Step finalDump() {
        return Step.onSource("runc checkpoint (stops)", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            CheckpointSteps.readStateBefore(ctx);
            String dir = ctx.get(SOURCE_FINAL_DIR);
            FinalDumpStream stream = FinalDumpStream.start(ctx.get(RUNC), dir, finalWork(ctx, source), preDir(ctx, source),
                    target, preDir(ctx, target), ctx.get(TARGET_FINAL_DIR), Compression.forLink(ctx.link()),
                    LinkStream.timeoutFor(MAX_DELTA, ctx.link()));
            try {
                ctx.measure(Measures.FROZEN_TIME, stream.awaitDump().frozenSeconds());
            } catch (RuntimeException e) {
                stream.close();
                throw e;
            }
            ctx.put(CriuKeys.SOURCE_FINAL_DUMP, dir);
            ctx.put(STREAM, stream);
        }).stopsService();
    }

    /**
     * Link: the final dump's delta, started by {@link #finalDump}, rebuilt on the target into the folder the restore
     * reads and checked there against the CRC-32 of every file the source dumped. It ends when the images are complete;
     * the source's runc may still be cleaning up after CRIU ({@link #dumpCommandDone}).
     */
    static Step sendDelta() {
        return Step.onLink("stream page delta", ctx -> {
            FinalDumpStream stream = ctx.get(STREAM);
            Transfer sent = stream.awaitImages();
            ctx.transferred(sent);
            ctx.measure(Measures.CHECKPOINT_SENT, sent.bytes());
        });
    }

    /**
     * Target: the restore, and meanwhile the end of the dump's command on the source: runc must have finished its part
     * too, else the relocation fails and rolls back (the restored target is removed, the source comes back from its
     * checkpoint).
     */
    static Step restore() {
        return RestoringRuntime.start(PageDeltaStrategy::dumpCommandDone);
    }

    static void dumpCommandDone(StepContext ctx) {
        try (FinalDumpStream stream = ctx.get(STREAM)) {
            FinalDumpStream.Sent sent = stream.awaitEnd();
            ctx.measure(Measures.CHECKPOINT_SIZE, sent.imageBytes());
            ctx.note("page delta: " + sent.report());
            if (!Double.isNaN(sent.makeSeconds()) && !Double.isNaN(sent.applySeconds())) {
                ctx.measure(FinalDumpStream.MAKE_TIME, sent.makeSeconds());
                ctx.measure(FinalDumpStream.APPLY_TIME, sent.applySeconds());
            }
        }
    }
}

package io.mecmig.criu;

import io.mecmig.core.Key;
import io.mecmig.core.Measures;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.HeldStart;
import io.mecmig.docker.StartGate;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The restore path that goes around Docker's checkpoint API while Docker keeps owning the container: the
 * target container is created with the OCI runtime {@value #NAME}, which is runc except that a container whose
 * CRIU images wait in {@value #SPOOL}{@code /<container id>} is restored from them ({@code runc restore}) by its
 * next plain {@code docker start}. Docker's own {@code start --checkpoint} first tars the checkpoint into
 * containerd's content store and untars it again into a temporary folder: about half a second for ASW here.
 *
 * <p>The runtime is a small script, {@code /usr/local/libexec/mecmig/runc-restore}, registered in the
 * host's {@code daemon.json} under {@code runtimes}; the testbed installs and registers it on its hosts (the
 * names here and there must agree). Other hosts need the same two lines of setup, named by {@link #check}.
 *
 * <p>Where the runtime has restore gates ({@link StartGate.Stage#RESTORE}), the restore is prepared before the freeze
 * ({@link #hold}): the images' folder is made with the one file runc reads itself ({@code descriptors.json}, the
 * container's stdio, the same in the pre-relocation dump), and the {@code docker start} is sent and held inside
 * {@code runc restore}, where the CRIU runc started waits before it reads an image. dockerd, containerd, a new shim
 * and runc's whole set-up (0.4 s here) run while the app still serves; inside the downtime one line
 * lets CRIU run once the images are complete ({@link #start}), or, when nothing else must precede the restore, CRIU
 * starts by itself as soon as the page delta has marked them complete. Every failure before that aborts the gate
 * ({@link #release}): the held start fails at once, and never runs the image without its state.
 */
final class RestoringRuntime {

    /** The runtime's name in the target's {@code daemon.json}. */
    static final String NAME = StartGate.RUNTIME;
    /** Where the runtime looks for images to restore, one folder per container id (tmpfs: no disk write). */
    static final String SPOOL = "/dev/shm/mecmig-criu/restore";
    static final String SCRIPT = "/usr/local/libexec/mecmig/runc-restore";
    /** "yes" when the target's runtime has restore gates (checked in pre-relocation). */
    static final Key<String> GATED = Key.of("criu.restore.gated", String.class);
    /** The file of a dump that runc reads itself, before CRIU: the container's stdio as runc passes it to CRIU. */
    static final String DESCRIPTORS = "descriptors.json";
    /** In the images' folder: the restore's CRIU runs once the page delta has marked the images complete. */
    static final String GO_WHEN_COMPLETE = ".go-when-complete";
    /** The target's {@code docker start}, held inside {@code runc restore} until the images are complete. */
    static final Key<HeldStart> HELD = Key.of("criu.restore.held", HeldStart.class);
    /** How long the runtime may take to reach the gate after {@code docker start} is sent. */
    private static final Duration REACH = Duration.ofSeconds(30);
    /** How long the restore may take once the gate is open (CRIU's own bound is far shorter). */
    private static final Duration RESTORE = Duration.ofSeconds(60);

    private RestoringRuntime() {
    }

    /** The folder the runtime restores container {@code containerId} from. */
    static String imagesDir(String containerId) {
        return SPOOL + "/" + containerId;
    }

    /** Target: refuses, before anything is frozen, a target dockerd that does not offer the runtime. */
    static Step check() {
        return Step.onTarget("check restoring runtime", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            var runtimes = target.docker().infoCmd().exec().getRuntimes();
            if (runtimes == null || !runtimes.containsKey(NAME)) {
                throw new CheckpointException("the dockerd of " + target.name() + " offers no runtime '" + NAME
                        + "', which fullsp-delta restores through: install mecmig's " + SCRIPT + " there (the testbed"
                        + " does), add \"runtimes\": {\"" + NAME + "\": {\"path\": \"" + SCRIPT + "\"}} to its"
                        + " daemon.json and send dockerd a SIGHUP; or use --strategy fullsp");
            }
            if (StartGate.offeredBy(target, StartGate.Stage.RESTORE)) {
                ctx.put(GATED, "yes");
            } else {
                ctx.note("the " + NAME + " runtime of " + target.name() + " has no restore gates: the whole docker start"
                        + " (dockerd, containerd, a new shim, runc) falls inside the downtime; ./mecmig testbed up"
                        + " updates it");
            }
        });
    }

    /**
     * Target, before the freeze: makes the images' folder with the {@value #DESCRIPTORS} of {@code base} (a dump of the
     * same container on the target), arms the container's restore gate, sends {@code docker start} and returns once
     * CRIU waits at the gate. Nothing to do where the runtime has no restore gates.
     *
     * @param base the folder of a dump of the source container already on the target
     * @param onComplete whether the complete images are all the restore waits for: CRIU then runs as soon as they are
     *     ({@value #GO_WHEN_COMPLETE}), without a round trip through the orchestrator
     */
    static Step hold(Function<StepContext, String> base, Predicate<StepContext> onComplete) {
        return Step.onTarget("docker start, runc restore held before CRIU", ctx -> {
            if (ctx.find(GATED).isEmpty()) {
                return;
            }
            DockerHost target = ctx.target(DockerHost.class);
            String id = ctx.get(CriuKeys.TARGET_ID);
            String images = imagesDir(id);
            RemoteCommand prepare = RemoteCommand.of("mkdir", "-m", "700", images).then(RemoteCommand.of("cp", "--",
                    base.apply(ctx) + "/" + DESCRIPTORS, images + "/" + DESCRIPTORS));
            if (onComplete.test(ctx)) {
                prepare = prepare.then(RemoteCommand.of("touch", images + "/" + GO_WHEN_COMPLETE));
            }
            target.exec(prepare, CheckpointSteps.SHORT);
            HeldStart held = HeldStart.send(target, id, StartGate.Stage.RESTORE);
            ctx.put(HELD, held); // before the wait: a start that never arrives is released by rollback
            held.awaitHeld(REACH);
        });
    }

    /** Rollback: aborts a start still held; see {@link HeldStart#release}. */
    static Step release() {
        return Step.onTarget("abort held restore", ctx -> ctx.find(HELD).ifPresent(HeldStart::release));
    }

    /**
     * Target: a plain {@code docker start} of the created container, which the runtime turns into a restore; or, with a
     * start held at its gate ({@link #hold}), the line that lets it through.
     *
     * @param meanwhile what else must be done before the step ends, run while a let-through restore runs (before a
     *     plain start); its failure fails the step
     */
    static Step start(Consumer<StepContext> meanwhile) {
        return Step.onTarget("docker start (runc restore)", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            String id = ctx.get(CriuKeys.TARGET_ID);
            CopyCheck.beforeRestore(ctx, target, imagesDir(id));
            long start = System.nanoTime();
            HeldStart held = ctx.find(HELD).orElse(null);
            if (held == null) {
                meanwhile.accept(ctx);
                restoring(target, id, () -> target.start(id));
            } else {
                held.letThrough();
                // while the restore runs; the relocation fails (and rolls back) if this does, whatever the restore did
                RuntimeException failed = null;
                try {
                    meanwhile.accept(ctx);
                } catch (RuntimeException e) {
                    failed = e;
                }
                restoring(target, id, () -> held.awaitStarted(RESTORE, target));
                if (failed != null) {
                    throw failed;
                }
            }
            ctx.measure(Measures.RESTORE_TIME, (System.nanoTime() - start) / 1e9);
        }).startsService();
    }

    private static void restoring(DockerHost target, String id, Runnable restore) {
        try {
            restore.run();
        } catch (RuntimeException e) {
            throw new CheckpointException("the restore on " + target.name() + " failed: " + e.getMessage()
                    + " (CRIU's log: " + imagesDir(id) + ".restore.log there)", e);
        }
    }

    /**
     * Removes the images and markers the runtime holds for the target container, and images a page delta left half
     * rebuilt ({@code .part}); a failed restore's log stays.
     */
    static RemoteCommand forget(StepContext ctx) {
        return ctx.find(CriuKeys.TARGET_ID).map(RestoringRuntime::imagesDir)
                .map(dir -> RemoteCommand.of("rm", "-rf", dir, dir + ".claimed", dir + ".restored", dir + ".part"))
                .orElse(RemoteCommand.of("true"));
    }
}

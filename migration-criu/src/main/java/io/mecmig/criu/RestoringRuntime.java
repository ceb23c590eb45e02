package io.mecmig.criu;

import io.mecmig.core.Measures;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;

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
 */
final class RestoringRuntime {

    /** The runtime's name in the target's {@code daemon.json}. */
    static final String NAME = "mecmig-restore";
    /** Where the runtime looks for images to restore, one folder per container id (tmpfs: no disk write). */
    static final String SPOOL = "/dev/shm/mecmig-criu/restore";
    static final String SCRIPT = "/usr/local/libexec/mecmig/runc-restore";

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
        });
    }

    /** Target: a plain {@code docker start} of the created container, which the runtime turns into a restore. */
    static Step start() {
        return Step.onTarget("docker start (runc restore)", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            String id = ctx.get(CriuKeys.TARGET_ID);
            CopyCheck.beforeRestore(ctx, target, imagesDir(id));
            long start = System.nanoTime();
            try {
                target.start(id);
            } catch (RuntimeException e) {
                throw new CheckpointException("the restore on " + target.name() + " failed: " + e.getMessage()
                        + " (CRIU's log: " + imagesDir(ctx.get(CriuKeys.TARGET_ID)) + ".restore.log there)", e);
            }
            ctx.measure(Measures.RESTORE_TIME, (System.nanoTime() - start) / 1e9);
        }).startsService();
    }

    /**
     * Removes the images and markers the runtime holds for the target container, and images a page delta left half
     * rebuilt ({@code .part}); a failed restore's log stays.
     */
    static RemoteCommand forget(StepContext ctx) {
        return ctx.find(CriuKeys.TARGET_ID).map(RestoringRuntime::imagesDir)
                .map(dir -> RemoteCommand.of("rm", "-rf", dir, dir + ".restoring", dir + ".restored", dir + ".part"))
                .orElse(RemoteCommand.of("true"));
    }
}

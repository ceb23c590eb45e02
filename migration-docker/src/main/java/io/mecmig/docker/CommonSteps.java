package io.mecmig.docker;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Measures;
import io.mecmig.core.PhaseSignal;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import io.mecmig.core.Transfer;
import io.mecmig.docker.transfer.Checksums;
import io.mecmig.docker.transfer.ScpTransfer;
import io.mecmig.docker.transfer.TcpStreamTransfer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Steps that SFP, FCCP and the CRIU strategies share: the source inspection, the image tarball's scp, and
 * the paper's relocation procedure B (tell the app, stop, tar the volume, send it raw, create it on the
 * target), plus the clean-up of what a failed or aborted migration left.
 */
public final class CommonSteps {

    /** How long {@code docker stop} waits after SIGTERM before it kills; the sample apps exit within a second. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private CommonSteps() {
    }

    /**
     * Source: records the container's size (SizeRootFs) and layout, network mode included (a container that joins
     * another's network namespace is in {@link NetworkMode#SANDBOX}: its port and hosts lines are its sandbox's), and
     * checks the target holds no container, network sandbox or volume of the app's names, which the move would
     * collide with.
     */
    public static Step inspectSource() {
        return Step.onSource("docker inspect --size", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            AppSpec app = ctx.app();
            ctx.measure(Measures.CONTAINER_SIZE, source.containerSize(app.container()));
            Map<String, String> mounts = source.volumeMounts(app.container());
            for (String volume : app.volumes()) {
                if (!mounts.containsKey(volume)) {
                    throw new IllegalStateException("app volume '" + volume + "' is not mounted in container '"
                            + app.container() + "' on " + source.name() + " (mounted: " + mounts.keySet() + ")");
                }
            }
            NetworkMode network = source.networkMode(app.container());
            int hostPort = source.publishedPort(app.container(), app.servicePort()).orElseThrow(() ->
                    new IllegalStateException(network == NetworkMode.SANDBOX
                            ? "the network sandbox of container '" + app.container() + "' on " + source.name()
                            + " does not publish port " + app.servicePort() + ": run the sandbox with -p HOST:PORT:"
                            + app.servicePort() + " so the orchestrator can reach the app"
                            : "container '" + app.container() + "' does not publish port " + app.servicePort() + " on "
                            + source.name() + ": run it with -p HOST:PORT:" + app.servicePort()
                            + " so the orchestrator can reach it"));
            boolean withoutShm = ContainerLaunch.IPC_WITHOUT_SHM.equals(source.ipcMode(app.container()));
            ctx.put(DockerKeys.LAYOUT, new SourceLayout(mounts, hostPort, source.extraHosts(app.container()), network,
                    withoutShm));
            if (target.hasContainer(app.container())) {
                throw new IllegalStateException("a container '" + app.container() + "' already exists on "
                        + target.name() + ": remove it there (docker rm -f " + app.container() + ") before migrating");
            }
            String sandbox = DockerHost.sandboxName(app.container());
            if (target.hasContainer(sandbox)) {
                throw new IllegalStateException("a container '" + sandbox + "' (the name of the app's network sandbox)"
                        + " already exists on " + target.name() + ": remove it there (docker rm -f " + sandbox
                        + ") before migrating");
            }
            for (String volume : app.volumes()) {
                if (target.hasVolume(volume)) {
                    throw new IllegalStateException("volume '" + volume + "' already exists on " + target.name()
                            + ": remove the stale copy there (docker volume rm " + volume + ") before migrating");
                }
            }
        });
    }

    /**
     * Target, pre-relocation: in {@link NetworkMode#SANDBOX} (the source's mode), the app's network sandbox from the
     * image the target received, publishing the source's port with its hosts lines; Docker's network set-up is then
     * done before the downtime, not at the app's start. Nothing to do on Docker's bridge. Rollback removes the sandbox
     * with the target's container ({@link DockerHost#removeContainer}).
     */
    public static Step createSandbox() {
        return Step.onTarget("create network sandbox", ctx -> {
            SourceLayout layout = ctx.get(DockerKeys.LAYOUT);
            if (layout.network() == NetworkMode.SANDBOX) {
                ctx.target(DockerHost.class).createSandbox(layout.targetLaunch(ctx.app().container(),
                        ctx.get(DockerKeys.TARGET_IMAGE), List.of(), ctx.app().servicePort()));
            }
        });
    }

    /**
     * Link: the image tarball, scp from the source's work dir to the target's. The source sums it while scp sends
     * it; the target checks its copy against that sum before it loads or imports it.
     */
    public static Step scpTarball() {
        return Step.onLink("scp tarball", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            String remote = target.workFile(ctx.migrationId() + ".image.tar");
            String tarball = ctx.get(DockerKeys.SOURCE_TARBALL);
            try (Checksums.Pending<Checksums.Sum> sum = Checksums.start(source, tarball)) {
                Transfer t = ScpTransfer.send(source, tarball, target, remote, "image tarball", ctx.link());
                ctx.transferred(t);
                ctx.put(DockerKeys.TARGET_TARBALL, remote);
                ctx.put(DockerKeys.TARBALL_SUM, sum.result());
            }
        });
    }

    /** Source: removes the image tarballs from both work dirs once the target has imported or loaded it. */
    public static Step removeTarballs() {
        return Step.onSource("remove tarballs", ctx -> {
            ctx.source(DockerHost.class).deleteFiles(ctx.get(DockerKeys.SOURCE_TARBALL));
            ctx.target(DockerHost.class).deleteFiles(ctx.get(DockerKeys.TARGET_TARBALL));
        });
    }

    /** Source: tells a migration-aware app that relocation starts (the paper's Algorithm 1); others skip it. */
    public static Step tellPhase() {
        return Step.onSource("tell app: relocation", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            PhaseSignal.send(ctx.app(), source.serviceAddress(ctx.app()), true);
        });
    }

    /**
     * Source: {@code docker stop} (SIGTERM, SIGKILL after {@link #STOP_GRACE}); the downtime starts here. The step ends
     * when the app's process has exited, not after dockerd's clean-up that follows: the next steps only read the
     * app's volume. The source host waits for that clean-up itself before it starts or removes the container again
     * ({@link DockerHost#stopUntilExit}).
     */
    public static Step stop() {
        return Step.onSource("docker stop (until the app exits)", ctx ->
                ctx.source(DockerHost.class).stopUntilExit(ctx.app().container(), STOP_GRACE)).stopsService();
    }

    /**
     * Source: {@code tar} of each app volume into the source's work dir; records the volumes' size and each
     * tarball's sum, which the target checks its copy against before unpacking it.
     */
    public static Step tarVolumes() {
        return Step.onSource("tar volume", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            long size = 0;
            for (String volume : ctx.app().volumes()) {
                VolumeArchive.Packed packed = VolumeArchive.pack(source, volume, volumeTarball(source, ctx, volume));
                ctx.put(DockerKeys.volumeSum(volume), packed.sum());
                size += packed.contentSize();
            }
            ctx.measure(Measures.VOLUME_SIZE, size);
        });
    }

    /**
     * Link: each volume tarball as a raw TCP stream ({@code dd | nc}); the source's tarball is removed as it is sent
     * (a rollback restarts the source on its own volume, never from the tarball).
     */
    public static Step sendVolumes() {
        return Step.onLink("dd | nc volume", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            for (String volume : ctx.app().volumes()) {
                ctx.transferred(TcpStreamTransfer.move(source, volumeTarball(source, ctx, volume), target,
                        volumeTarball(target, ctx, volume), "volume " + volume, ctx.link()));
            }
        });
    }

    /**
     * Target: {@code docker volume create} and untar of each volume, each tarball first checked against the sum the
     * source took (a damaged one fails the step, unpacked nowhere); the received tarball is removed.
     */
    public static Step createVolumes() {
        return Step.onTarget("volume create + untar", ctx -> {
            DockerHost target = ctx.target(DockerHost.class);
            List<String> tarballs = new ArrayList<>();
            for (String volume : ctx.app().volumes()) {
                ctx.put(DockerKeys.TARGET_VOLUMES_CREATED, "yes");
                String tarball = volumeTarball(target, ctx, volume);
                VolumeArchive.unpack(target, volume, tarball, ctx.get(DockerKeys.volumeSum(volume)));
                tarballs.add(tarball);
            }
            target.deleteFiles(tarballs.toArray(String[]::new));
        });
    }

    /** Procedure B up to the start: tell the app, stop, tar, send, create the volumes. */
    public static List<Step> relocationUpToRun() {
        return List.of(tellPhase(), stop(), tarVolumes(), sendVolumes(), createVolumes());
    }

    /** Where a volume's tarball lives in {@code host}'s work dir during this migration. */
    public static String volumeTarball(DockerHost host, StepContext ctx, String volume) {
        return host.workFile(ctx.migrationId() + ".volume." + volume + ".tar");
    }

    /**
     * Removes what this migration put on the target (its container, the volumes relocation created, the image)
     * and the tarballs in both work dirs. Each part runs even if another failed (a dead target daemon).
     */
    public static List<Step> cleanUp() {
        return List.of(
                Step.onTarget("remove target volumes", ctx -> {
                    if (ctx.find(DockerKeys.TARGET_VOLUMES_CREATED).isPresent()) {
                        DockerHost target = ctx.target(DockerHost.class);
                        for (String volume : ctx.app().volumes()) {
                            target.removeVolume(volume);
                        }
                    }
                }),
                Step.onTarget("remove target image", ctx -> {
                    if (ctx.find(DockerKeys.TARGET_IMAGE).isPresent()) {
                        ctx.target(DockerHost.class).removeImage(ctx.get(DockerKeys.TARGET_IMAGE));
                    }
                }),
                Step.onSource("remove committed image", ctx -> {
                    if (ctx.find(DockerKeys.COMMITTED_IMAGE).isPresent()) {
                        ctx.source(DockerHost.class).removeImage(ctx.get(DockerKeys.COMMITTED_IMAGE));
                    }
                }),
                Step.onTarget("remove target work files", ctx -> {
                    DockerHost target = ctx.target(DockerHost.class);
                    target.exec(io.mecmig.docker.ssh.RemoteCommand.of("sh", "-c", "rm -rf -- "
                            + io.mecmig.docker.ssh.RemoteCommand.quote(target.workDir()) + "/"
                            + io.mecmig.docker.ssh.RemoteCommand.quote(ctx.migrationId()) + ".*"), DockerHost.SHORT);
                }),
                Step.onSource("remove source work files", ctx -> {
                    DockerHost source = ctx.source(DockerHost.class);
                    source.exec(io.mecmig.docker.ssh.RemoteCommand.of("sh", "-c", "rm -rf -- "
                            + io.mecmig.docker.ssh.RemoteCommand.quote(source.workDir()) + "/"
                            + io.mecmig.docker.ssh.RemoteCommand.quote(ctx.migrationId()) + ".*"), DockerHost.SHORT);
                }));
    }

    /**
     * The image name a migration gives its imported, loaded or committed image: {@code mecmig/CONTAINER:MIGRATION-ID},
     * this migration's alone (an id is unique across processes and machines, and a valid tag as it is).
     */
    public static String imageName(StepContext ctx) {
        return MigrationImages.repository(ctx.app().container()) + ":" + ctx.migrationId();
    }
}

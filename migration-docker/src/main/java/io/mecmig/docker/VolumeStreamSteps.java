package io.mecmig.docker;

import io.mecmig.core.Key;
import io.mecmig.core.Measures;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import io.mecmig.docker.ssh.RemoteGroup;
import io.mecmig.docker.transfer.TcpVolumeCopy;
import io.mecmig.docker.transfer.TransferTimeouts;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * FCCP's relocation from the stop to the filled volume, with every command on the hosts started before the app stops
 * ({@link TcpVolumeCopy}): the target's receiver listens, and the source's sender waits. Inside the downtime, the
 * sender signals the app from the host as docker stop is sent, the stop ends when the sender sees the app exit (or
 * Docker reports it, whichever comes first), the sender gets a go-ahead line, and the receiver gets the source's sum as
 * one line; no SSH command starts.
 */
public final class VolumeStreamSteps {

    /** The sender of an app without volumes: it only signals the app's process and watches it exit. */
    private static final Key<RemoteGroup> EXIT_WATCH = Key.of("docker.exit.watch", RemoteGroup.class);
    /** The app's process id on the source, as the waiting senders know it. */
    private static final Key<Long> APP_PID = Key.of("docker.app.pid", Long.class);

    private VolumeStreamSteps() {
    }

    /** A volume's copy under way: where it comes from, how big it was before the stop, and both ends. */
    record Lane(String sourceMountpoint, long sizeBefore, TcpVolumeCopy.Receiver receiver) {
    }

    static Key<Lane> lane(String volume) {
        return Key.of("docker.volume.lane." + volume, Lane.class);
    }

    static Key<TcpVolumeCopy.Sender> sender(String volume) {
        return Key.of("docker.volume.sender." + volume, TcpVolumeCopy.Sender.class);
    }

    /** How long a waiting sender or receiver may live: the stop (at most its grace plus 30 s), the copy, the untar. */
    private static Duration bound(Duration copy) {
        return CommonSteps.STOP_GRACE.plusSeconds(30).plus(copy).plus(copy);
    }

    /**
     * Target, before the stop: a receiver per volume listening on the target's link address, which empties the volume
     * of the created container (its mountpoint was recorded in pre-relocation: this step needs no call to the target's
     * dockerd) and will fill it. The source volume's mountpoint and size are read now, outside the downtime.
     */
    public static Step listen() {
        return Step.onTarget("listen for the volume (nc -l)", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            for (String volume : ctx.app().volumes()) {
                String from = source.volumeMountpoint(volume);
                long size = VolumeArchive.contentSize(source, volume);
                TcpVolumeCopy.Receiver receiver = TcpVolumeCopy.listen(target, ctx.get(DockerKeys.targetMountpoint(volume)),
                        CommonSteps.volumeTarball(target, ctx, volume), bound(TransferTimeouts.forBytes(size, ctx.link())));
                ctx.put(lane(volume), new Lane(from, size, receiver));
            }
        });
    }

    /**
     * Source, before the stop: a sender per volume (or, for an app without volumes, a watcher) starts on the source and
     * waits there, so that no command has to start on the source once the app is stopped. It will signal the app's
     * process from the host (the container's stop signal, SIGTERM by default) unless the container has a restart
     * policy: dockerd would take a process that dies before it has marked the container as stopping for a crash, and
     * restart it.
     */
    public static Step prepareStop() {
        return Step.onSource("sender waits for the app's exit", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            RunningApp app = source.runningApp(ctx.app().container());
            if (!app.hasProcess()) {
                throw new IllegalStateException("container '" + ctx.app().container() + "' is not running on "
                        + source.name() + ": start it (docker start " + ctx.app().container() + ") before relocating it");
            }
            long pid = app.pid();
            String signal = app.hostSignal();
            ctx.put(APP_PID, pid);
            for (String volume : ctx.app().volumes()) {
                Lane lane = ctx.get(lane(volume));
                ctx.put(sender(volume), TcpVolumeCopy.sendAfterExit(source, pid, signal, lane.sourceMountpoint(),
                        lane.receiver(), bound(TransferTimeouts.forBytes(lane.sizeBefore(), ctx.link()))));
            }
            if (ctx.app().volumes().isEmpty()) {
                ctx.put(EXIT_WATCH, RemoteGroup.start(source.ssh(), TcpVolumeCopy.stopLine(pid, signal), bound(Duration.ZERO)));
            }
        });
    }

    /**
     * Source: the app's stop signal sent from the host by the waiting sender, and {@code docker stop} (SIGTERM, SIGKILL
     * after {@link CommonSteps#STOP_GRACE}) for its grace and kill; the downtime starts here. The step ends as soon as
     * the app's process has exited, as the sender, Docker's die event or the stop call's return shows first. The
     * source host waits for dockerd's clean-up itself before it starts or removes the container again
     * ({@link DockerHost#stopUntilExit}).
     */
    public static Step stop() {
        return Step.onSource("stop: kill -TERM + docker stop", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            long expected = ctx.get(APP_PID);
            source.stopUntilExit(ctx.app().container(), CommonSteps.STOP_GRACE,
                    pid -> pid == expected ? signal(ctx) : new CompletableFuture<Void>());
        }).stopsService();
    }

    /** Tells the waiting senders (or watcher) to signal the app; completes when the first sees it exit. */
    private static CompletableFuture<String> signal(StepContext ctx) {
        Duration bound = CommonSteps.STOP_GRACE.plusSeconds(30);
        CompletableFuture<String> exited = null;
        for (String volume : ctx.app().volumes()) {
            CompletableFuture<String> seen = ctx.get(sender(volume)).stop(bound);
            exited = exited == null ? seen : exited;
        }
        if (exited == null) {
            exited = TcpVolumeCopy.signalApp(ctx.get(EXIT_WATCH), bound);
        }
        return exited;
    }

    /**
     * Link: each sender gets its go-ahead and streams {@code tar} of its volume into the receiver, summed as it goes;
     * the step ends once the receiver has written all of it. An app without volumes only collects its exit watcher.
     */
    public static Step send() {
        return Step.onLink("tar | nc volume", ctx -> {
            for (String volume : ctx.app().volumes()) {
                Lane lane = ctx.get(lane(volume));
                TcpVolumeCopy.Sent sent = lane.receiver().receive(ctx.get(sender(volume)), "volume " + volume,
                        TransferTimeouts.forBytes(lane.sizeBefore(), ctx.link()));
                ctx.transferred(sent.transfer());
                ctx.put(DockerKeys.volumeSum(volume), sent.sum());
            }
            ctx.find(EXIT_WATCH).ifPresent(watch -> watch.await(Duration.ofSeconds(5)));
        });
    }

    /**
     * Target: each receiver gets the source's sum and, if its copy matches it, fills the created container's volume
     * with it (a damaged copy fails the step and is unpacked nowhere; rollback removes the volume). The volume's size,
     * measured by the sender after its stream, is collected here.
     */
    public static Step unpack() {
        return Step.onTarget("untar into volume", ctx -> {
            long size = 0;
            for (String volume : ctx.app().volumes()) {
                ctx.get(lane(volume)).receiver().unpack(ctx.get(DockerKeys.volumeSum(volume)), "volume " + volume,
                        DockerHost.LONG);
                size += ctx.get(sender(volume)).contentSize(Duration.ofSeconds(15)); // done while the target unpacked
            }
            ctx.measure(Measures.VOLUME_SIZE, size);
        });
    }

    /** Rollback: ends the senders, watcher and receivers still waiting (a relocation that failed before they were done). */
    public static Step stopWaitingCommands() {
        return Step.onTarget("stop waiting senders and receivers", ctx -> {
            for (String volume : ctx.app().volumes()) {
                ctx.find(sender(volume)).ifPresent(TcpVolumeCopy.Sender::close);
                ctx.find(lane(volume)).ifPresent(lane -> lane.receiver().close());
            }
            ctx.find(EXIT_WATCH).ifPresent(RemoteGroup::close);
        });
    }
}

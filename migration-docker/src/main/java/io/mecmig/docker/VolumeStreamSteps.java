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
 * ({@link TcpVolumeCopy}): the target's receiver listens, and the source's sender waits for the app's process to
 * exit. Inside the downtime, the stop ends when the sender sees the exit (or Docker reports it, whichever comes
 * first), the sender gets a go-ahead line, and the receiver gets the source's sum as one line; no SSH command starts.
 */
public final class VolumeStreamSteps {

    /** The sender of an app without volumes: it only watches the app's process exit. */
    private static final Key<RemoteGroup> EXIT_WATCH = Key.of("docker.exit.watch", RemoteGroup.class);

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
     * Source: {@code docker stop} (SIGTERM, SIGKILL after {@link CommonSteps#STOP_GRACE}); the downtime starts here.
     * Before the stop is sent, a sender per volume (or, for an app without volumes, a watcher) starts on the source and
     * waits for the app's process to exit; the step ends as soon as that process has exited, as the sender, Docker's
     * die event or the stop call's return shows first. The source host waits for dockerd's clean-up itself before it
     * starts or removes the container again ({@link DockerHost#stopUntilExit}).
     */
    public static Step stop() {
        return Step.onSource("docker stop (until the app exits)", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            source.stopUntilExit(ctx.app().container(), CommonSteps.STOP_GRACE, pid -> watchExit(ctx, source, pid));
        }).stopsService();
    }

    private static CompletableFuture<String> watchExit(StepContext ctx, DockerHost source, long pid) {
        CompletableFuture<String> exited = null;
        for (String volume : ctx.app().volumes()) {
            Lane lane = ctx.get(lane(volume));
            Duration bound = bound(TransferTimeouts.forBytes(lane.sizeBefore(), ctx.link()));
            TcpVolumeCopy.Sender sender = TcpVolumeCopy.sendAfterExit(source, pid, lane.sourceMountpoint(),
                    lane.receiver(), bound);
            ctx.put(sender(volume), sender);
            exited = exited == null ? sender.exited(bound) : exited;
        }
        if (exited == null) {
            Duration bound = bound(Duration.ZERO);
            RemoteGroup watch = RemoteGroup.start(source.ssh(), TcpVolumeCopy.exitLine(pid), bound);
            ctx.put(EXIT_WATCH, watch);
            exited = watch.running().lineAsync(TcpVolumeCopy.EXITED, bound);
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

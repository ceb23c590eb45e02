package io.mecmig.docker;

import io.mecmig.core.Key;
import io.mecmig.core.Measures;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import io.mecmig.docker.transfer.TcpVolumeCopy;
import io.mecmig.docker.transfer.TransferTimeouts;
import java.time.Duration;

/**
 * FCCP's volume copy in relocation, as one raw TCP stream per volume ({@link TcpVolumeCopy}) into the volume of the
 * container created in pre-relocation: the target's receiver listens before the app stops, so that inside the
 * downtime there is one command on the source (tar | nc, summed as it is sent) and one line to the waiting receiver
 * (the sum; it checks its copy against it, then untars it into the volume).
 */
public final class VolumeStreamSteps {

    private VolumeStreamSteps() {
    }

    /** A volume's copy under way: where it comes from, how big it was before the stop, and the receiver. */
    record Lane(String sourceMountpoint, long sizeBefore, TcpVolumeCopy.Receiver receiver) {
    }

    static Key<Lane> lane(String volume) {
        return Key.of("docker.volume.lane." + volume, Lane.class);
    }

    /**
     * Target, before the stop: a receiver per volume listening on the target's link address, which will unpack into the
     * volume of the created container (its mountpoint was recorded in pre-relocation, so that this step needs no call
     * to the target's dockerd). The source volume's mountpoint and size are read now, outside the downtime.
     */
    public static Step listen() {
        return Step.onTarget("listen for the volume (nc -l)", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            for (String volume : ctx.app().volumes()) {
                String from = source.volumeMountpoint(volume);
                long size = VolumeArchive.contentSize(source, volume);
                Duration copy = TransferTimeouts.forBytes(size, ctx.link());
                // Alive through the stop (at most its grace plus 30 s), the copy, and the check and untar.
                Duration bound = CommonSteps.STOP_GRACE.plusSeconds(30).plus(copy).plus(copy);
                TcpVolumeCopy.Receiver receiver = TcpVolumeCopy.listen(target, ctx.get(DockerKeys.targetMountpoint(volume)),
                        CommonSteps.volumeTarball(target, ctx, volume), bound);
                ctx.put(lane(volume), new Lane(from, size, receiver));
            }
        });
    }

    /**
     * Link: each volume streamed by one command on the source ({@code tar} of its mountpoint | {@code nc}), which
     * prints the volume's size and the stream's sum; the step ends once the receiver has written all of it.
     */
    public static Step send() {
        return Step.onLink("tar | nc volume", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            long size = 0;
            for (String volume : ctx.app().volumes()) {
                Lane lane = ctx.get(lane(volume));
                TcpVolumeCopy.Sent sent = lane.receiver().receive(source, lane.sourceMountpoint(), "volume " + volume,
                        TransferTimeouts.forBytes(lane.sizeBefore(), ctx.link()));
                ctx.transferred(sent.transfer());
                ctx.put(DockerKeys.volumeSum(volume), sent.sum());
                size += sent.contentSize();
            }
            ctx.measure(Measures.VOLUME_SIZE, size);
        });
    }

    /**
     * Target: each receiver gets the source's sum and, if its copy matches it, replaces the created container's volume
     * content with the copy (a damaged copy fails the step and is unpacked nowhere; rollback removes the volume).
     */
    public static Step unpack() {
        return Step.onTarget("untar into volume", ctx -> {
            for (String volume : ctx.app().volumes()) {
                ctx.get(lane(volume)).receiver().unpack(ctx.get(DockerKeys.volumeSum(volume)), "volume " + volume,
                        DockerHost.LONG);
            }
        });
    }

    /** Rollback: ends the receivers still waiting (a relocation that failed before they unpacked). */
    public static Step stopReceivers() {
        return Step.onTarget("stop volume receivers", ctx -> closeAll(ctx));
    }

    private static void closeAll(StepContext ctx) {
        for (String volume : ctx.app().volumes()) {
            ctx.find(lane(volume)).ifPresent(lane -> lane.receiver().close());
        }
    }
}

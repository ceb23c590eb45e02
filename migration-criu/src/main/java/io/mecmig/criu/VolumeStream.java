package io.mecmig.criu;

import io.mecmig.core.Measures;
import io.mecmig.core.Step;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;

/**
 * The app's volumes streamed by {@code tar} from the source's volume into the target's, with no tarball in
 * between. The target volume already exists: {@code docker create} of the target container made it, empty.
 * Every file streamed is summed on the source; the restore step checks the target's copies against those sums
 * before the app is restored onto the volume ({@link CopyCheck}).
 */
final class VolumeStream {

    private VolumeStream() {
    }

    static Step step() {
        return Step.onLink("stream volumes (tar)", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            long size = 0;
            for (String volume : ctx.app().volumes()) {
                String from = source.volumeMountpoint(volume);
                String to = target.volumeMountpoint(volume);
                size += CheckpointSteps.folderSize(source, from);
                // Summed on the source while tar streams it; the restore step checks the target's files with the
                // checkpoint's, in the same round trip.
                try (CopyCheck sums = CopyCheck.start(source, from)) {
                    ctx.transferred(LinkStream.send(source, RemoteCommand.of("tar", "-c", "-C", from, "."), target,
                            RemoteCommand.of("tar", "-x", "-p", "-C", to), Compression.NONE, "volume " + volume,
                            Duration.ofSeconds(60)));
                    ctx.put(CopyCheck.volume(volume), sums.await("volume " + volume, to));
                }
            }
            ctx.measure(Measures.VOLUME_SIZE, size);
        });
    }
}

package io.mecmig.cli;

import io.mecmig.images.AppImages;
import io.mecmig.images.BuiltImage;
import io.mecmig.images.ImageBuilder;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts the app's image on every host before a drive: built (or reused) on the first host, then copied to each
 * other host that lacks that very image (same id: nothing is copied). With the image everywhere, the app can
 * start on whichever host serves the UE's zone, and a migration's {@code docker load} on the target finds the
 * base layers already there.
 */
final class DriveImages {

    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(5);

    private final ProcessRunner runner = new ProcessRunner();
    private final Consumer<String> progress;

    DriveImages(Consumer<String> progress) {
        this.progress = progress;
    }

    /** Builds or reuses {@code app}'s image on the first host, copies it where missing; returns its reference. */
    String appImageEverywhere(String app, Path projectHome, TestbedHosts testbed) {
        TestbedHost first = testbed.hosts().get(0);
        BuiltImage built;
        try (ImageBuilder images = ImageBuilder.on(first.dockerUri()).projectHome(projectHome).build()) {
            built = images.app(AppImages.named(app));
        }
        progress.accept(String.format("image %s (%s) %s on %s", built.reference(), shortId(built.id()),
                built.reused() ? "already built" : "built", first.name()));
        copyEverywhere(built.latest(), built.id(), testbed);
        return built.latest();
    }

    /** Makes sure every host has {@code image} with the first host's id; copies only where it differs. */
    void copyEverywhere(String image, String id, TestbedHosts testbed) {
        TestbedHost first = testbed.hosts().get(0);
        String expected = id != null ? id : imageId(first, image);
        if (expected == null) {
            throw new IllegalArgumentException("image " + image + " is not on " + first.name()
                    + ": build it there first (./mecmig images build --engine " + first.dockerUri() + ")");
        }
        List<String> copied = new ArrayList<>();
        for (TestbedHost h : testbed.hosts().subList(1, testbed.hosts().size())) {
            if (expected.equals(imageId(h, image))) {
                continue;
            }
            long t0 = System.nanoTime();
            runner.run(Command.of("sh", "-c", "docker -H " + first.dockerUri() + " save " + image + " | docker -H "
                    + h.dockerUri() + " load -q").withTimeout(COPY_TIMEOUT)).requireOk();
            if (!expected.equals(imageId(h, image))) {
                throw new IllegalStateException("copying image " + image + " to " + h.name() + " did not give it id "
                        + expected + ": check the disk space of " + h.name());
            }
            copied.add(String.format("%s (%.1f s)", h.name(), (System.nanoTime() - t0) / 1e9));
        }
        progress.accept(copied.isEmpty() ? "image " + image + ": every host has id " + shortId(expected)
                : "image " + image + " copied to " + String.join(", ", copied));
    }

    /** The id of {@code image} on {@code host}, or null when the host does not have it. */
    private String imageId(TestbedHost host, String image) {
        CommandResult r = runner.run(Command.of("docker", "-H", host.dockerUri().toString(), "image", "inspect",
                "--format", "{{.Id}}", image));
        return r.ok() ? r.stdout().trim() : null;
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}

package io.mecmig.docker.catalog;

import io.mecmig.core.Readiness;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Puts a sample app on one of two hosts and finds where it runs: what the CLI, the integration tests and
 * the benchmark need around a migration.
 */
public final class AppPlacement {

    private AppPlacement() {
    }

    /** The host among {@code hosts} where the app's container runs, if any. */
    public static Optional<DockerHost> runningOn(AppDeployment app, List<DockerHost> hosts) {
        return hosts.stream().filter(h -> h.isRunning(app.spec().container())).findFirst();
    }

    /**
     * Removes the app's container and volumes from {@code host}: a stale copy left by an earlier migration, with the
     * image that migration made for it ({@link MigrationImages#removeContainerAndItsImage}). Never call it on the host
     * where the app runs.
     */
    public static void removeCopy(AppDeployment app, DockerHost host) {
        if (host.isRunning(app.spec().container())) {
            throw new IllegalStateException("the app " + app.key() + " runs on " + host.name()
                    + ": refusing to remove its only live copy");
        }
        MigrationImages.removeContainerAndItsImage(host, app.spec().container());
        app.spec().volumes().forEach(host::removeVolume);
    }

    /** Runs the app fresh on {@code host} (no container or volume of its names may exist) and waits until ready. */
    public static void deploy(AppDeployment app, DockerHost host) {
        host.run(app.launch());
        awaitReady(app, host);
    }

    /**
     * Creates the app's volumes on {@code host} with {@code fileName} holding {@code content} in each, before
     * the app's first start: a user state the app restores when it starts (USPA reads state.json).
     */
    public static void seedVolumes(AppDeployment app, DockerHost host, String fileName, String content) {
        for (String volume : app.spec().volumes()) {
            String mountpoint = host.createVolume(volume);
            host.exec(RemoteCommand.of("sh", "-c", "printf '%s' " + RemoteCommand.quote(content) + " > "
                    + RemoteCommand.quote(mountpoint + "/" + fileName)), Duration.ofSeconds(10));
        }
    }

    /** Waits for the app's readiness on {@code host}. */
    public static Duration awaitReady(AppDeployment app, DockerHost host) {
        return Readiness.await(app.spec().readiness(), host.serviceAddress(app.spec()), app.spec().readinessTimeout(),
                Duration.ofMillis(20));
    }
}

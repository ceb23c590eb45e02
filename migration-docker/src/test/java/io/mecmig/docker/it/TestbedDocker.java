package io.mecmig.docker.it;

import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.LinkAccess;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.docker.ssh.SshTarget;
import io.mecmig.images.AppImages;
import io.mecmig.images.ImageBuilder;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.core.LinkProfile;
import io.mecmig.testbed.SshEndpoint;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.exec.ProcessRunner;
import io.mecmig.testbed.faults.Fault;
import io.mecmig.testbed.faults.Faults;
import java.nio.file.Path;
import java.util.List;

/**
 * The real two-host testbed as the Docker integration tests use it: brought up (idempotent), its hosts as
 * {@link DockerHost}s, the apps' images built into the source engine only, the link shaped, and faults.
 */
public final class TestbedDocker implements AutoCloseable {

    private static final java.util.Set<String> BUILT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The UE the apps follow: a fast one, so that zone changes (USPA) and visited zones (ASW) come quickly. */
    public static final String UE = "10.100.0.1";
    private static MecSandbox platform;

    final TestbedConfig config = TestbedConfig.defaults();
    final Testbed testbed = Testbed.local(config);
    final TestbedHosts hosts;
    public final DockerHost source;
    public final DockerHost target;

    /**
     * The embedded MEC sandbox in the root namespace, shared by every test of this JVM: its UEs move ten times
     * faster than real time, and the apps reach it through the {@code mec-gateway} name on every host.
     */
    static synchronized MecSandbox platform() {
        if (platform == null) {
            platform = MecSandbox.builder().sandboxName("sbx").bindAddress("0.0.0.0").port(0)
                    .ues(UeSelection.moving()).timeScale(10).start();
            MecSandbox started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return platform;
    }

    public TestbedDocker() {
        this.hosts = testbed.up();
        this.source = config(hosts.source(), hosts.target()).connect();
        this.target = config(hosts.target(), hosts.source()).connect();
    }

    /** A testbed host as a {@link DockerHostConfig}; both hosts share the testbed's client key and known_hosts. */
    DockerHostConfig config(TestbedHost host, TestbedHost peer) {
        SshEndpoint ssh = host.ssh();
        return new DockerHostConfig(host.name(), host.dockerUri().toString(),
                new SshTarget(ssh.address(), ssh.port(), ssh.user(), ssh.privateKey(), ssh.knownHosts()),
                host.managementAddress(), host.linkAddressTowards(peer.name()),
                config.stateDir().resolve(host.name()).resolve("work").toString(),
                new LinkAccess(ssh.user(), ssh.privateKey().toString(), ssh.knownHosts().toString()));
    }

    /** The app, its image built (or reused) in the source's engine, deployed fresh on the source. */
    public AppDeployment deployFresh(String key) {
        AppDeployment app = io.mecmig.docker.catalog.AppCatalog.deployment(key,
                        "http://" + hosts.source().gatewayAddress() + ":" + platform().port() + "/sbx/")
                .withEnv("UE_ADDRESS", UE);
        if (!BUILT.contains(key)) { // once per test run: checking an image's inputs takes seconds
            try (ImageBuilder builder = ImageBuilder.on(hosts.source().dockerUri())
                    .projectHome(Path.of("..").toAbsolutePath().normalize()).build()) {
                builder.baseJava();
                builder.app(AppImages.named(key));
            }
            BUILT.add(key);
        }
        for (DockerHost h : List.of(source, target)) {
            MigrationImages.removeContainerAndItsImage(h, app.spec().container());
            app.spec().volumes().forEach(h::removeVolume);
        }
        return app;
    }

    public void shape(String rate, double loss) {
        testbed.shape(LinkProfile.of(rate, loss));
    }

    /** Cuts the link on the source's side until the fault is closed. */
    Fault cutLink() {
        return new Faults(new ProcessRunner()).cutLink(hosts.source().namespace(), "lk-" + hosts.target().name());
    }

    /** Kills the target's dockerd (SIGKILL); {@link #restore()} brings it back. */
    Fault killTargetDockerd() {
        Path pidFile = config.runDir().resolve(hosts.target().name()).resolve("dockerd.pid");
        return new Faults(new ProcessRunner()).killByPidFile(pidFile, "dockerd of " + hosts.target().name());
    }

    /**
     * Flips 4 KiB in the middle of the largest file under {@code folder} of a testbed host, as a copy damaged on
     * the link or on disk would be (the hosts are namespaces of this machine: their folders are this machine's).
     *
     * @return the damaged file
     */
    public Path corruptLargestFile(String folder) {
        Path file;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of(folder))) {
            file = files.filter(java.nio.file.Files::isRegularFile)
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow(() -> new IllegalStateException("no file under " + folder + " to corrupt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new Faults(new ProcessRunner()).corrupt(file, 4096);
        return file;
    }

    /** Brings every daemon back (testbed up is idempotent). */
    public void restore() {
        testbed.up();
    }

    public static void deploy(AppDeployment app, DockerHost host) {
        AppPlacement.deploy(app, host);
    }

    @Override
    public void close() {
        source.close();
        target.close();
    }
}

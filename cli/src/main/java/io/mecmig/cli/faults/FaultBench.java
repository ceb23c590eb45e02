package io.mecmig.cli.faults;

import io.mecmig.core.AppSpec;
import io.mecmig.core.AppState;
import io.mecmig.core.LinkProfile;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.NetworkMode;
import io.mecmig.docker.catalog.AppCatalog;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.images.AppImages;
import io.mecmig.images.ImageBuilder;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.exec.ProcessRunner;
import io.mecmig.testbed.faults.Fault;
import io.mecmig.testbed.faults.Faults;
import io.mecmig.testbed.faults.SmallDisk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The real testbed as the fault table uses it: its two hosts as {@link DockerHost}s, an embedded MEC sandbox
 * the apps reach through their gateway name, the app deployed fresh on the source before each cell, and the
 * testbed's fault tools aimed at the right namespace, interface, pid file or folder.
 */
public final class FaultBench implements AutoCloseable {

    /** A fast-moving UE of the sandbox's scenario, so that USPA's counter and ASW's zones change quickly. */
    static final String UE = "10.100.0.1";
    private static final int SMALL_DISK_MIB = 16;
    /** The restoring runtime's spool (migration-criu's RestoringRuntime.SPOOL, the testbed's runc-restore). */
    static final String RESTORE_SPOOL = "/dev/shm/mecmig-criu/restore";

    final TestbedConfig config = TestbedConfig.defaults();
    final Testbed testbed = Testbed.local(config);
    final Faults faults = new Faults(new ProcessRunner());
    final TestbedHosts hosts;
    final DockerHost source;
    final DockerHost target;
    final String appKey;
    private final MecSandbox platform;
    /** The checkout the apps' images are built from; a CLI started for a cell builds from it too. */
    final Path projectHome;
    final NetworkMode network;

    /**
     * Brings the testbed up (idempotent), connects its hosts and starts the sandbox.
     *
     * @param connect how a testbed host becomes a {@link DockerHost}, given the host and its link peer
     * @param projectHome the checkout the apps' images are built from
     * @param network how the app is deployed on the source (each migration keeps it)
     */
    public FaultBench(String appKey, Path projectHome, BiFunction<TestbedHost, TestbedHost, DockerHost> connect,
                      NetworkMode network) {
        AppCatalog.spec(appKey); // an unknown app fails here
        this.appKey = appKey;
        this.projectHome = projectHome;
        this.network = java.util.Objects.requireNonNull(network, "network");
        this.hosts = testbed.up();
        testbed.shape(LinkProfile.of("1gbit", 0));
        this.source = connect.apply(hosts.source(), hosts.target());
        this.target = connect.apply(hosts.target(), hosts.source());
        this.platform = MecSandbox.builder().sandboxName("sbx").bindAddress("0.0.0.0").port(0)
                .ues(UeSelection.moving()).timeScale(10).start();
    }

    /** The app as deployed: its image, the sandbox's URL through the gateway name, the fast UE. */
    AppDeployment deployment() {
        return AppCatalog.deployment(appKey, hosts.source().gatewayAddress())
                .withEnv("MEC_BASE_URL", "http://" + AppCatalog.GATEWAY_NAME + ":" + platform.port() + "/sbx/")
                .withEnv("UE_ADDRESS", UE).withNetwork(network);
    }

    AppSpec spec() {
        return deployment().spec();
    }

    /** Builds the app's image once (reused when its inputs did not change). */
    void buildImage() {
        try (ImageBuilder builder = ImageBuilder.on(hosts.source().dockerUri()).projectHome(projectHome).build()) {
            builder.baseJava();
            builder.app(AppImages.named(appKey));
        }
    }

    /**
     * Removes every copy of the app, then deploys it on the source with state worth keeping (USPA's counter
     * seeded at 7; ASW once it stored a zone) and returns that state.
     */
    AppState deployFresh() {
        AppDeployment app = deployment();
        removeEverywhere();
        if (appKey.equals("uspa")) {
            AppPlacement.seedVolumes(app, source, "state.json", "{\"counter\":7,\"zone\":\"zone01\"}");
        }
        AppPlacement.deploy(app, source);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<AppState> s = app.spec().stateProbe().read(source.serviceAddress(app.spec()));
            if (s.isPresent() && (!appKey.equals("asw") || s.get().tree().path("visitedZones").size() > 0)) {
                return s.get();
            }
            sleep(200);
        }
        throw new IllegalStateException(appKey + " on " + source.name() + " gave no state within 60 s: is the MEC"
                + " sandbox reachable from the testbed (./mecmig testbed status)?");
    }

    /**
     * The images migrations of the app made that either host still has, each as {@code HOST mecmig/CONTAINER:ID}.
     *
     * @return their names
     */
    public List<String> migrationImages() {
        List<String> names = new ArrayList<>();
        for (DockerHost h : List.of(source, target)) {
            MigrationImages.on(h, spec().container()).forEach(image -> names.add(h.name() + " " + image));
        }
        return names;
    }

    /** Every copy of the app goes, running or not: the next cell starts from nothing. */
    void removeEverywhere() {
        AppSpec spec = spec();
        for (DockerHost h : List.of(source, target)) {
            MigrationImages.removeContainerAndItsImage(h, spec.container());
            spec.volumes().forEach(h::removeVolume);
        }
    }

    /** Daemons a fault killed come back ({@code testbed up} is idempotent); the link is unshaped again. */
    void restore() {
        testbed.up();
        testbed.shape(LinkProfile.of("1gbit", 0));
    }

    Fault cutLink() {
        return faults.cutLink(hosts.source().namespace(), "lk-" + hosts.target().name());
    }

    Fault lossSpike(int percent) {
        return faults.lossSpike(hosts.source().namespace(), "lk-" + hosts.target().name(), percent);
    }

    Fault killTargetDockerd() {
        Path pidFile = config.runDir().resolve(hosts.target().name()).resolve("dockerd.pid");
        return faults.killByPidFile(pidFile, "dockerd of " + hosts.target().name());
    }

    /** Small full filesystems over the target's work folder and its tmpfs dump folder. */
    List<Fault> fullTargetDisks() {
        List<Fault> disks = new ArrayList<>();
        Path images = config.stateDir().resolve("faults");
        for (Path mount : List.of(Path.of(target.workDir()), Path.of("/dev/shm/mecmig-criu", target.name()))) {
            SmallDisk disk = faults.smallDisk(images.resolve(mount.getFileName() + "-" + target.name() + ".img"), mount,
                    SMALL_DISK_MIB);
            disk.fill();
            disks.add(disk);
        }
        return disks;
    }

    /**
     * Where the target keeps what it receives: its work folder, its tmpfs dumps, the spool the restoring runtime
     * restores fullsp-delta's checkpoint from, Docker's checkpoint folders.
     */
    List<Path> targetReceivedRoots() {
        List<Path> roots = new ArrayList<>(List.of(Path.of(target.workDir()), Path.of("/dev/shm/mecmig-criu", target.name()),
                Path.of(RESTORE_SPOOL)));
        String dataRoot = target.docker().infoCmd().exec().getDockerRootDir();
        // Only the checkpoint folders: the containers' own folders hold logs that grow all the time.
        try (var containers = java.nio.file.Files.list(Path.of(dataRoot, "containers"))) {
            containers.map(c -> c.resolve("checkpoints")).forEach(roots::add);
        } catch (java.io.IOException e) {
            // no container folder yet: nothing received there
        }
        return roots;
    }

    void corrupt(Path file) {
        faults.corrupt(file, 4096);
    }

    /** Flips the second half of {@code file}. */
    void corruptHalf(Path file) {
        faults.corrupt(file, (int) Math.min(Integer.MAX_VALUE, file.toFile().length()));
    }

    /** The target's copy of the app's pre-relocation dump, which fullsp-delta's page delta is applied to. */
    Path targetDeltaBase() {
        return Path.of("/dev/shm/mecmig-criu", target.name(), spec().container(), "pre");
    }

    long sourceContainerPid() {
        Long pid = source.inspect(spec().container(), false).getState().getPidLong();
        if (pid == null || pid <= 1) {
            throw new IllegalStateException(spec().container() + " runs no process on " + source.name());
        }
        return pid;
    }

    void killProcess(long pid) {
        faults.kill(pid);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        platform.close();
        source.close();
        target.close();
    }
}

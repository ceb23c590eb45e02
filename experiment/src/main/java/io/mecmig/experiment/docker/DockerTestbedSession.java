package io.mecmig.experiment.docker;

import io.mecmig.core.AppState;
import io.mecmig.core.LinkProfile;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.NetworkMode;
import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.catalog.AppCatalog;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.experiment.Cell;
import io.mecmig.experiment.PreparedRun;
import io.mecmig.experiment.RunKey;
import io.mecmig.experiment.TestbedSession;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The experiment's session on two Docker hosts (the testbed's meh-src and meh-dst, or two real MEC hosts):
 * every run deploys the sample app fresh on the source, lets it work for a while, and afterwards removes
 * the app, its volumes and every image the migration left, from both hosts.
 */
public final class DockerTestbedSession implements TestbedSession {

    /** Enough for a fast UE to change zones a few times in a 5 s warm-up (zones last about a minute). */
    private static final int SCENARIO_SECONDS_PER_SECOND = 30;
    /** How much longer than the warm-up a run waits for state that a loss would show. */
    private static final Duration TELLING_STATE_WAIT = Duration.ofSeconds(30);

    private final DockerHost source;
    private final DockerHost target;
    /** The UE the apps follow: a fast-moving one of the Monaco scenario. */
    static final String FOLLOWED_UE = "10.100.0.1";

    private final String mecBaseUrl;
    private final Function<String, Optional<String>> imageFor;
    private final LinkShaper shaper;
    private final Duration warmup;
    private final Optional<UeMover> ues;
    private final String machine;
    private final NetworkMode network;
    private Set<String> sourceImages = Set.of();
    private Set<String> targetImages = Set.of();

    /**
     * @param source the host every run starts on
     * @param target the host every run moves to
     * @param mecBaseUrl the MEC platform's URL by the gateway's address, such as {@code http://10.77.1.1/sbx/}:
     *     the apps use it by the name {@value AppCatalog#GATEWAY_NAME}, mapped to that address
     * @param imageFor the image an app (by key) runs from; empty for the catalog's default
     * @param shaper shapes the link between the hosts
     * @param warmup how long the app works on the source before each migration
     * @param ues moves the MEC platform's UEs during the warm-up; empty to let the platform's own clock run
     * @param machine the machine, for the report
     * @param network how the apps are deployed on the source (the migrations keep it); the report's machine says it
     */
    public DockerTestbedSession(DockerHost source, DockerHost target, String mecBaseUrl,
                                Function<String, Optional<String>> imageFor,
                                LinkShaper shaper, Duration warmup, Optional<UeMover> ues, String machine,
                                NetworkMode network) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.mecBaseUrl = Objects.requireNonNull(mecBaseUrl, "mecBaseUrl");
        this.imageFor = Objects.requireNonNull(imageFor, "imageFor");
        this.shaper = Objects.requireNonNull(shaper, "shaper");
        this.warmup = Objects.requireNonNull(warmup, "warmup");
        this.ues = Objects.requireNonNull(ues, "ues");
        this.network = Objects.requireNonNull(network, "network");
        this.machine = machine + ", Docker " + source.docker().versionCmd().exec().getVersion()
                + (network == NetworkMode.SANDBOX ? ", apps in network sandboxes" : ", apps on Docker's bridge (-p)");
    }

    /**
     * Connects to the two hosts {@code hosts} describes ({@code source.*}, {@code target.*}, see
     * DockerHostConfig), running the apps from {@code image} against the MEC platform at {@code mecBaseUrl}.
     */
    public static DockerTestbedSession open(Properties hosts, String origin, String mecBaseUrl,
                                            Function<String, Optional<String>> imageFor,
                                            LinkShaper shaper, Duration warmup, Optional<UeMover> ues,
                                            String machine, NetworkMode network) {
        DockerHost source = DockerHostConfig.from(hosts, "source.", origin).connect();
        try {
            DockerHost target = DockerHostConfig.from(hosts, "target.", origin).connect();
            return new DockerTestbedSession(source, target, mecBaseUrl, imageFor, shaper, warmup, ues, machine, network);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public String machine() {
        return machine;
    }

    @Override
    public void shape(LinkProfile link) {
        shaper.shape(link);
    }

    @Override
    public Optional<String> whyUnavailable(Cell cell) {
        if (!AppCatalog.keys().contains(cell.app())) {
            return Optional.of("unknown app '" + cell.app() + "': use one of " + AppCatalog.keys());
        }
        String appImage = deployment(cell.app()).image();
        if (!hasImage(source, appImage)) {
            return Optional.of("the image " + appImage + " is not on " + source.name()
                    + ": build it there with ./mecmig images build --engine " + source.endpoint().uri());
        }
        return Optional.empty();
    }

    @Override
    public PreparedRun prepare(RunKey run) {
        AppDeployment app = deployment(run.cell().app());
        removeApp(app, source);
        removeApp(app, target);
        // What is there before the run stays; whatever the migration adds is removed after it.
        sourceImages = imageIds(source);
        targetImages = imageIds(target);
        AppPlacement.deploy(app, source);
        warmUp(app);
        // The app must be serving with its state readable before the migration starts.
        Optional<AppState> state = app.spec().stateProbe().read(source.serviceAddress(app.spec()));
        if (app.spec().needs() != io.mecmig.core.StateNeeds.NONE && state.isEmpty()) {
            throw new IllegalStateException("the app " + app.key() + " answers on " + source.name()
                    + " but its state cannot be read after " + warmup.toSeconds() + " s: see docker logs "
                    + app.spec().container() + " on that host");
        }
        return new PreparedRun(app.spec(), source, target);
    }

    @Override
    public void cleanUp(PreparedRun run) {
        AppDeployment app = deployment(keyOf(run));
        removeApp(app, source);
        removeApp(app, target);
        removeNewImages(source, sourceImages);
        removeNewImages(target, targetImages);
    }

    /** Puts the link back as it was, then releases both hosts. */
    @Override
    public void close() {
        try {
            shaper.restore();
            source.close();
        } finally {
            target.close();
        }
    }

    private AppDeployment deployment(String key) {
        // The app reaches the gateway by name, as its image's default URL does; the catalog maps the name to
        // the address (--add-host) and keeps the URL's port and path. A fast UE gives USPA zone changes and ASW
        // visited zones during the warm-up.
        AppDeployment app = AppCatalog.deployment(key, mecBaseUrl).withEnv("UE_ADDRESS", FOLLOWED_UE).withNetwork(network);
        return imageFor.apply(key).map(app::withImage).orElse(app);
    }

    private static String keyOf(PreparedRun run) {
        return AppCatalog.keys().stream().filter(k -> AppCatalog.spec(k).container().equals(run.app().container()))
                .findFirst().orElseThrow();
    }

    private static void removeApp(AppDeployment app, DockerHost host) {
        host.removeContainer(app.spec().container());
        app.spec().volumes().forEach(host::removeVolume);
    }

    private static Set<String> imageIds(DockerHost host) {
        Set<String> ids = new HashSet<>();
        host.docker().listImagesCmd().exec().forEach(i -> ids.add(i.getId()));
        return ids;
    }

    private static boolean hasImage(DockerHost host, String image) {
        return host.docker().listImagesCmd().withImageNameFilter(image).exec().stream().findAny().isPresent();
    }

    private static void removeNewImages(DockerHost host, Set<String> before) {
        List<String> added = host.docker().listImagesCmd().exec().stream().map(i -> i.getId())
                .filter(id -> !before.contains(id)).toList();
        added.forEach(host::removeImage);
    }

    /**
     * Lets the app work for the warm-up, and then on (up to {@link #TELLING_STATE_WAIT}) until its state check
     * could fail: a move of USPA with its counter still at 0 would keep its "state" whatever the strategy. With
     * a UE mover, the UEs move half a minute of scenario time per second.
     */
    private void warmUp(AppDeployment app) {
        long start = System.nanoTime();
        long end = start + warmup.toNanos();
        long limit = end + TELLING_STATE_WAIT.toNanos();
        for (long now = start; now < end || (now < limit && !app.spec().stateProbe().telling(source.serviceAddress(app.spec()))); now = System.nanoTime()) {
            ues.ifPresent(u -> u.advance(SCENARIO_SECONDS_PER_SECOND));
            sleep(Duration.ofNanos(Math.max(1, Math.min(end - now, Duration.ofSeconds(1).toNanos()))));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the app warmed up", e);
        }
    }
}

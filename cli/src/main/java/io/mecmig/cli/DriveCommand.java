package io.mecmig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mecmig.core.LinkProfile;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.Strategies;
import io.mecmig.core.ServiceAddress;
import io.mecmig.docker.DockerEndpoint;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.LinkAccess;
import io.mecmig.docker.catalog.AppCatalog;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.docker.ssh.SshTarget;
import io.mecmig.orchestrator.Decision;
import io.mecmig.orchestrator.DriveSummary;
import io.mecmig.orchestrator.Orchestrator;
import io.mecmig.orchestrator.OrchestratorBuilder;
import io.mecmig.orchestrator.OrchestratorSettings;
import io.mecmig.orchestrator.UeObservation;
import io.mecmig.orchestrator.live.CoreMigrationBackend;
import io.mecmig.orchestrator.live.DriveListener;
import io.mecmig.orchestrator.live.DriveLog;
import io.mecmig.orchestrator.live.HostDirectory;
import io.mecmig.orchestrator.live.LiveOrchestrator;
import io.mecmig.orchestrator.live.LocationClient;
import io.mecmig.orchestrator.live.UeFollower;
import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.placement.PlacementMode;
import io.mecmig.orchestrator.plan.AppProfile;
import io.mecmig.orchestrator.plan.StrategyOption;
import io.mecmig.orchestrator.radio.AccessPoint;
import io.mecmig.orchestrator.radio.ScenarioFile;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.MobilityEvent;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.exec.ProcessRunner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A live run in which the app follows a moving UE across the testbed's MEC hosts: the embedded sandbox moves
 * the UE, the orchestrator follows it through the Location API and migrates the app with real containers.
 * Prints every handover, decision and migration, then the summary and (for USPA) the state continuity check:
 * the app's counter against the zone changes the sandbox reports for the UE.
 */
@Command(name = "drive", mixinStandardHelpOptions = true,
        description = "A live run in which the app follows a moving UE across MEC hosts.")
final class DriveCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Option(names = "--ue", defaultValue = "10.100.0.1", description = "the UE to follow (default ${DEFAULT-VALUE})")
    String ue;

    @Option(names = "--app", defaultValue = "uspa", description = "ba, uspa or asw (default ${DEFAULT-VALUE})")
    String app;

    @Option(names = "--placement", defaultValue = "zone", description = "a MEC host per poa or per zone (default ${DEFAULT-VALUE})")
    String placement;

    @Option(names = "--placement-map", description = "JSON file {\"mode\": \"zone\", \"hosts\": {\"zone01\": \"meh-src\", ...}}"
            + " (default: PoAs or zones spread round robin over the hosts)")
    Path placementMap;

    @Option(names = "--time-scale", defaultValue = "5", description = "mobility seconds per real second (default ${DEFAULT-VALUE})")
    double timeScale;

    @Option(names = "--duration", defaultValue = "10m", description = "how long the drive lasts, real time: 90s, 10m, 1h (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--hosts", description = "how many testbed hosts to use (default: all that are up)")
    Integer hostCount;

    @Option(names = "--rate", description = "the link's rate as tc writes it (e.g. 100mbit): the drive shapes the"
            + " link to it for its run and plans with it (default unshaped)")
    String rate;

    @Option(names = "--strategies", split = ",", description = "the strategies the orchestrator may choose from"
            + " (default: every one available); it still picks only those that keep the app's state")
    List<String> strategies;

    @Option(names = "--sandbox-port", defaultValue = "8086", description = "port of the embedded MEC sandbox (default ${DEFAULT-VALUE})")
    int sandboxPort;

    @Option(names = "--image", description = "the app's image, already on the first host (default: the app's own"
            + " image, built or reused there); copied to every host that lacks it")
    String image;

    @Option(names = "--until-migrations", description = "end the drive as soon as this many migrations are done"
            + " (default: drive for the whole --duration)")
    Integer untilMigrations;

    @Mixin
    NetworkOption network = new NetworkOption();

    @Option(names = "--start-at", defaultValue = "0s", description = "mobility time to skip before the drive starts,"
            + " to begin at another stretch of the UE's route: 150s, 2m (default ${DEFAULT-VALUE})")
    String startAt;

    /** The scenario's tick, one mobility second; {@link #skipMobility} moves the UEs by whole ticks. */
    private static final double TICK_SECONDS = 1.0;

    @Override
    public Integer call() throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "warn");
        Duration length = parseDuration(duration);
        ScenarioFile scenario = ScenarioFile.monaco();
        if (!scenario.ueAddresses().contains(ue)) {
            throw new IllegalArgumentException("UE '" + ue + "' is not in the Monaco scenario: use one of "
                    + scenario.ueAddresses() + " (moving ones: 10.100.0.x fast, 10.10.0.x slow)");
        }
        parseSpan(startAt); // a bad --start-at fails here, before the testbed is touched
        if (untilMigrations != null && untilMigrations < 1) {
            throw new IllegalArgumentException("--until-migrations " + untilMigrations + " ends the drive before it"
                    + " starts: give 1 or more, or leave it out to drive for the whole --duration");
        }
        TestbedHosts testbed = testbedHosts();
        List<String> hostNames = testbed.hosts().stream().map(TestbedHost::name).toList();
        PlacementMap map = placementMap(scenario, hostNames);
        LinkProfile link = rate == null ? LinkProfile.unshaped() : LinkProfile.of(rate, 0);
        DriveLog log = new DriveLog(System.out);
        DriveImages images = new DriveImages(line -> log.note("%s", line));
        if (image == null) {
            image = images.appImageEverywhere(app, ProjectHome.path(), testbed);
        } else {
            images.copyEverywhere(image, null, testbed);
        }
        DriveResult result = drive(scenario, testbed, map, link, length, log);
        log.summary(result.summary());
        System.out.println(result.continuityLine());
        return result.ok() ? 0 : 1;
    }

    /** What a drive ended with: the orchestrator's tally and the app's own state check. */
    record DriveResult(DriveSummary summary, long sandboxZoneChanges, Long appCounter) {

        boolean counterMatches() {
            return appCounter == null || appCounter == sandboxZoneChanges;
        }

        boolean ok() {
            return summary.failed() == 0 && summary.stateContinuity() && counterMatches();
        }

        String continuityLine() {
            if (appCounter == null) {
                return "  zone changes (sandbox)    " + sandboxZoneChanges;
            }
            String verdict = counterMatches() ? "state continuity holds"
                    : summary.stateContinuity() ? "MISMATCH: the migrations kept USPA's counter, so it missed zone"
                    + " changes made while it was down" : "MISMATCH: a migration lost USPA's state";
            return String.format(Locale.ROOT, "  USPA counter              %d, sandbox zone changes %d: %s", appCounter,
                    sandboxZoneChanges, verdict);
        }
    }

    /** Runs one drive; the testbed must be up with the apps' image on its hosts. */
    DriveResult drive(ScenarioFile scenario, TestbedHosts testbed, PlacementMap map, LinkProfile link, Duration length,
                      DriveLog log) throws InterruptedException {
        // The time budget assumes this link: shape it so (a run before may have left another rate), and put
        // back what was there afterwards.
        TestbedShaper shaper = new TestbedShaper(Testbed.local(TestbedConfig.defaults().withHosts(testbed.hosts().size())));
        shaper.shape(link);
        try {
            return driveOnLink(scenario, testbed, map, link, length, log);
        } finally {
            shaper.restore();
        }
    }

    private DriveResult driveOnLink(ScenarioFile scenario, TestbedHosts testbed, PlacementMap map, LinkProfile link,
                                    Duration length, DriveLog log) throws InterruptedException {
        try (MecSandbox sandbox = MecSandbox.builder().ues(UeSelection.named(List.of(ue))).timeScale(timeScale)
                .sandboxName("sbx").bindAddress("0.0.0.0").port(sandboxPort).paused().start();
             TestbedDirectory hosts = new TestbedDirectory(testbed)) {
            String mecBaseUrl = "http://" + shareSandboxAddress(testbed) + ":" + sandbox.port() + "/sbx/";
            AppDeployment catalogued = AppCatalog.deployment(app, mecBaseUrl);
            AppDeployment deployment = (image == null ? catalogued : catalogued.withImage(image))
                    .withEnv("UE_ADDRESS", ue).withNetwork(network.mode);
            for (String name : hosts.names()) {
                DockerHost h = hosts.any(name);
                if (h.isRunning(deployment.spec().container())) {
                    MigrationImages.removeContainerAndItsImage(h, deployment.spec().container());
                }
                AppPlacement.removeCopy(deployment, h);
            }
            skipMobility(sandbox, log);
            AtomicLong zoneChanges = new AtomicLong();
            AtomicReference<String> lastZone = new AtomicReference<>();
            sandbox.control().addListener((snapshot, events) -> {
                for (MobilityEvent e : events) {
                    String zone = e.after().zoneId();
                    // USPA counts changes between the zones it sees; a gap in coverage is no change by itself.
                    if (e.ueId().equals(ue) && zone != null) {
                        String before = lastZone.getAndSet(zone);
                        if (before != null && !before.equals(zone)) {
                            zoneChanges.incrementAndGet();
                        }
                    }
                }
            });
            sandbox.control().ue(ue).map(u -> u.zoneId()).ifPresent(lastZone::set);
            CountDownLatch placed = new CountDownLatch(1);
            AtomicReference<String> servingHost = new AtomicReference<>();
            CoreMigrationBackend backend = new CoreMigrationBackend(deployment.spec(), hosts, link, host -> {
                AppPlacement.deploy(deployment, hosts.any(host));
                servingHost.set(host);
                placed.countDown();
            });
            Orchestrator brain = new OrchestratorBuilder(ue, AppProfile.typical(app, deployment.spec().needs()))
                    .placement(map).radioMap(scenario.radioMap()).route(scenario.route(ue).orElse(null))
                    .radios(scenario.radios(ue)).strategies(strategyOptions()).link(link.bitsPerSecond())
                    .timeScale(timeScale).settings(OrchestratorSettings.ahead()).build();
            CountDownLatch enough = new CountDownLatch(untilMigrations == null ? Integer.MAX_VALUE : untilMigrations);
            AtomicReference<LiveOrchestrator> running = new AtomicReference<>();
            LiveOrchestrator live = new LiveOrchestrator(brain, backend, new TrackingLog(log, servingHost, hosts,
                    deployment, () -> {
                        enough.countDown();
                        if (enough.getCount() == 0) {
                            running.get().stopIntake(); // before the next migration starts
                        }
                    })).start();
            running.set(live);
            LocationClient api = new LocationClient(sandbox.locationUrl());
            DriveSummary summary;
            try (UeFollower follower = new UeFollower(api, ue, Duration.ofMillis(100), live::accept)) {
                follower.start("127.0.0.1", "127.0.0.1", List.copyOf(scenario.radioMap().zones()));
                log.note("following UE %s: %s", ue, follower.mode());
                if (!placed.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the app did not start on its first host within 2 minutes: check"
                            + " that the image " + image + " is on every host (./mecmig images)");
                }
                log.note("%s serves from %s; mobility starts: time scale %.1f, %s %s placement over %s, for %s",
                        app, servingHost.get(), timeScale, map.hosts().size() + " hosts,", map.label(), map.hosts(),
                        duration);
                sandbox.control().start();
                long t0 = System.nanoTime();
                boolean early = untilMigrations != null && enough.await(length.toMillis(), TimeUnit.MILLISECONDS);
                if (!early) {
                    Thread.sleep(Math.max(0, length.toMillis() - (System.nanoTime() - t0) / 1_000_000));
                }
                sandbox.control().pause();
                String drove = String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t0) / 1e9);
                if (early) {
                    log.note("%d migrations done: the drive ends early, after %s", untilMigrations, drove);
                }
                log.note("mobility stopped after %s; %d zone changes; %d Location API notifications", drove,
                        zoneChanges.get(), follower.notifications());
            }
            summary = live.finish(Duration.ofMinutes(2));
            Long counter = null;
            if ("uspa".equals(deployment.key())) {
                String lastZoneOfUe = sandbox.control().ue(ue).map(u -> u.zoneId()).orElse(lastZone.get());
                counter = readCounter(hosts.any(servingHost.get()).serviceAddress(deployment.spec()), lastZoneOfUe);
            }
            return new DriveResult(summary, zoneChanges.get(), counter);
        }
    }

    /**
     * The app carries its MEC URL in its environment from host to host, so every host must reach the sandbox
     * (in the root namespace) at the same address: the first host's gateway address, routed from each other
     * host through its own management link. Idempotent; touches only the testbed's namespaces.
     */
    static String shareSandboxAddress(TestbedHosts testbed) {
        String shared = testbed.hosts().get(0).gatewayAddress();
        ProcessRunner runner = new ProcessRunner();
        for (TestbedHost h : testbed.hosts().subList(1, testbed.hosts().size())) {
            runner.require(h.command("ip", "route", "replace", shared + "/32", "via", h.gatewayAddress()));
        }
        return shared;
    }

    /** Keeps track of where the app serves while printing the log. */
    private record TrackingLog(DriveLog log, AtomicReference<String> servingHost, TestbedDirectory hosts,
                               AppDeployment deployment, Runnable onCompleted) implements DriveListener {
        @Override
        public void onHandover(UeObservation before, UeObservation now) {
            log.onHandover(before, now);
        }

        @Override
        public void onDecision(Decision d) {
            log.onDecision(d);
        }

        @Override
        public void onReport(String id, MigrationReport report) {
            log.onReport(id, report);
            if (report.outcome() == Outcome.COMPLETED) {
                servingHost.set(report.target());
                // The stopped copy left on the old host would block the app's return there later.
                AppPlacement.removeCopy(deployment, hosts.any(report.source()));
                onCompleted.run();
            }
        }

        @Override
        public void onFailure(String id, RuntimeException failure) {
            log.onFailure(id, failure);
        }
    }

    /**
     * The strategies given, or every one available but SFP for USPA and ASW: SFP's imported image has no ENV,
     * so USPA no longer finds its state on the volume and ASW its memcached (the paper's Table IV; only BA runs
     * after SFP, with its CMD given back by hand). The strategies do not declare that, so the drive knows it.
     */
    private List<StrategyOption> strategyOptions() {
        if (strategies == null || strategies.isEmpty()) {
            return StrategyOption.available().stream().filter(o -> "ba".equals(app) || !"sfp".equals(o.name()))
                    .toList();
        }
        return strategies.stream().map(name -> StrategyOption.of(Strategies.named(name.trim()))).toList();
    }

    private TestbedHosts testbedHosts() {
        int up = Testbed.local(TestbedConfig.defaults()).status().hosts().size();
        int count = hostCount == null ? up : hostCount;
        if (up < 2 || count > up) {
            throw new IllegalArgumentException("the testbed has " + up + " host(s) up, the drive needs "
                    + Math.max(2, count) + ": run ./mecmig testbed up --hosts " + Math.max(3, count));
        }
        return Testbed.local(TestbedConfig.defaults().withHosts(count)).hosts();
    }

    private PlacementMap placementMap(ScenarioFile scenario, List<String> hostNames) {
        if (placementMap != null) {
            PlacementMap m = PlacementMap.read(placementMap);
            for (String h : m.hosts()) {
                if (!hostNames.contains(h)) {
                    throw new IllegalArgumentException("placement map " + placementMap + " names host '" + h
                            + "' but the testbed has " + hostNames + ": fix the map or bring up more hosts");
                }
            }
            return m;
        }
        PlacementMode mode = PlacementMode.parse(placement);
        List<String> keys = mode == PlacementMode.ZONE ? List.copyOf(scenario.radioMap().zones())
                : scenario.radioMap().accessPoints().stream().map(AccessPoint::id).toList();
        return PlacementMap.roundRobin(mode, keys, hostNames);
    }

    /**
     * Moves the paused sandbox's UEs on by {@code --start-at} of mobility time, before anyone follows them: the
     * drive then starts at that stretch of the route.
     */
    private void skipMobility(MecSandbox sandbox, DriveLog log) {
        Duration skip = parseSpan(startAt);
        int ticks = (int) Math.round(skip.toMillis() / 1000.0 / TICK_SECONDS);
        if (ticks > 0) {
            sandbox.control().step(ticks);
            log.note("skipped %d s of mobility: UE %s starts at %s", ticks,
                    ue, sandbox.control().ue(ue).map(u -> u.poaId() + " in " + u.zoneId()).orElse("no coverage"));
        }
    }

    /**
     * USPA's counter once it has seen the UE's last zone (it polls every 200 ms; after a late relocation it may
     * still be starting): the exact count to hold against the sandbox's, not a count from a moment too early.
     */
    private static Long readCounter(ServiceAddress app, String lastZone) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String problem = "no answer";
        while (true) {
            try {
                HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.http("/state"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode state = new ObjectMapper().readTree(res.body());
                if (res.statusCode() == 200 && (lastZone == null || lastZone.equals(state.path("zone").asText()))) {
                    return state.path("counter").asLong();
                }
                problem = "HTTP " + res.statusCode() + ", state " + res.body();
            } catch (IOException e) {
                problem = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("USPA at " + app + " did not report the UE's last zone " + lastZone
                        + " within 20 s (" + problem + "): check its log (docker logs mec-uspa)");
            }
            Thread.sleep(200);
        }
    }

    static Duration parseDuration(String text) {
        Duration d = parseSpan(text);
        if (d.toMillis() < 1_000) {
            throw new IllegalArgumentException("duration " + text + " is too short for a drive: give at least 1s");
        }
        return d;
    }

    /** {@code text} as a duration ({@code 90s}, {@code 10m}, {@code 1h}); zero is allowed. */
    static Duration parseSpan(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("duration '" + text + "' is not understood: write it as 90s, 10m or 1h");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> v;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 1_000;
        };
        return Duration.ofMillis((long) millis);
    }

    /**
     * The testbed's hosts as Docker hosts, one connection per (host, peer): the migration link is a veth pair
     * per pair of hosts, so a host's link address depends on the peer. The hosts share the machine's
     * filesystem, so the root namespace's SSH key and known_hosts serve host-to-host transfers too.
     */
    static final class TestbedDirectory implements HostDirectory {
        private final TestbedHosts testbed;
        private final Map<String, DockerHost> connections = new HashMap<>();

        TestbedDirectory(TestbedHosts testbed) {
            this.testbed = testbed;
        }

        @Override
        public Set<String> names() {
            return testbed.hosts().stream().map(TestbedHost::name).collect(java.util.stream.Collectors.toCollection(
                    java.util.LinkedHashSet::new));
        }

        @Override
        public synchronized DockerHost host(String name, String peer) {
            TestbedHost h = testbed.host(name);
            return connections.computeIfAbsent(name + ">" + peer, k -> connect(h, h.linkAddressTowards(peer)));
        }

        /** The host for work that crosses no link (deploy, inspect, read state). */
        synchronized DockerHost any(String name) {
            TestbedHost h = testbed.host(name);
            return connections.computeIfAbsent(name + ">", k -> connect(h, h.managementAddress()));
        }

        private static DockerHost connect(TestbedHost h, String linkAddress) {
            SshTarget ssh = new SshTarget(h.ssh().address(), h.ssh().port(), h.ssh().user(), h.ssh().privateKey(),
                    h.ssh().knownHosts());
            return DockerHost.builder(h.name()).docker(DockerEndpoint.of(h.dockerUri().toString())).ssh(ssh)
                    .serviceHost(h.managementAddress()).linkAddress(linkAddress)
                    .workDir("/var/lib/mecmig/drive/" + h.name())
                    .linkAccess(new LinkAccess(h.ssh().user(), h.ssh().privateKey().toString(),
                            h.ssh().knownHosts().toString()))
                    .build();
        }

        @Override
        public synchronized void close() {
            connections.values().forEach(c -> {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    // closing a connection must not hide the drive's result
                }
            });
            connections.clear();
        }
    }
}

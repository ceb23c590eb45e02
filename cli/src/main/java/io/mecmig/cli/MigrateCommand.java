package io.mecmig.cli;

import io.mecmig.core.LinkProfile;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.StateLossPolicy;
import io.mecmig.core.StepFailedException;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.catalog.AppCatalog;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.images.AppImages;
import io.mecmig.images.ImageBuilder;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.TestbedPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs one migration (or {@code --runs N}) of a sample app between the two testbed hosts and prints its
 * steps, sizes, downtime and state check. The app moves from the host where it runs to the other one; if it
 * runs nowhere it is deployed on the source first (its image is built there if missing). With several runs
 * it moves back and forth and a table of medians ends the output.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Runs one migration on the testbed and prints its steps, sizes, downtime and state check.")
final class MigrateCommand implements Callable<Integer> {

    /** A UE that changes zone about once a minute: USPA counts changes and ASW collects zones soon after a start. */
    static final String FOLLOWED_UE = "10.100.0.1";
    private static final Duration STATE_WARMUP = Duration.ofSeconds(60);

    private TestbedHosts testbedHosts;

    @Option(names = "--app", required = true, description = "ba, uspa, asw, or all (each app in turn, then a table of medians)")
    String app;

    @Option(names = "--strategy", required = true, description = "sfp or fccp (or any strategy on the class path)")
    String strategy;

    @Option(names = "--rate", description = "shape the link to this rate first, as tc writes it: 100mbit, 1gbit")
    String rate;

    @Option(names = "--loss", defaultValue = "0", description = "packet loss on the link, percent (with --rate)")
    double loss;

    @Option(names = "--runs", defaultValue = "1", description = "migrations in a row (back and forth); more than 1 prints medians")
    int runs;

    @Option(names = "--hosts", description = "a hosts file (see DockerHostConfig) for two hosts of your own; default: the testbed")
    Path hosts;

    @Option(names = "--record-state-loss", description = "keep the target running when the app's state is lost (Table IV); by default the migration rolls back")
    boolean recordStateLoss;

    @Option(names = "--journal", description = "where each migration's progress is journaled, for 'mecmig recover' after a crash (default: ${DEFAULT-VALUE})")
    Path journal = io.mecmig.core.Journal.defaultLocation();

    @Option(names = "--no-journal", description = "run without a journal: a crash mid-migration then needs a hand to clean up")
    boolean noJournal;

    @Option(names = "--json", description = "print each report as one line of JSON instead of text")
    boolean json;

    @Mixin
    NetworkOption network = new NetworkOption();

    @Override
    public Integer call() {
        // sshj logs every connection at INFO; keep the step table readable.
        System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "warn");
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be 1 or more, got " + runs);
        }
        List<String> apps = app.equalsIgnoreCase("all") ? AppCatalog.keys() : List.of(app);
        apps.forEach(k -> AppCatalog.spec(k)); // an unknown app fails here, before anything runs
        Properties file = hosts == null ? testbed() : HostsFile.read(hosts, "pass --hosts FILE describing source.* and target.* (see"
                + " DockerHostConfig), or leave --hosts out to use the testbed");
        String origin = hosts == null ? "the testbed" : hosts.toString();
        LinkProfile link = rate == null ? new LinkProfile(0, loss) : LinkProfile.of(rate, loss);
        List<List<MigrationReport>> perApp = new ArrayList<>();
        try (TestbedPlatform mec = hosts == null ? mecPlatform() : null;
             DockerHost a = DockerHostConfig.from(file, "source.", origin).connect();
             DockerHost b = DockerHostConfig.from(file, "target.", origin).connect()) {
            for (String key : apps) {
                AppDeployment deployment = deployment(key, file, mec).withNetwork(network.mode);
                List<MigrationReport> reports = new ArrayList<>();
                String inputs = buildImage(deployment, a); // once: the checkout does not change between runs
                for (int i = 1; i <= runs; i++) {
                    DockerHost from = place(deployment, inputs, a, b);
                    DockerHost to = from == a ? b : a;
                    AppPlacement.removeCopy(deployment, to);
                    MigrationReport report = migrate(deployment, from, to, link);
                    reports.add(report);
                    System.out.println(json ? report.toJson() : "== " + key + ", run " + i + " of " + runs + "\n" + report.toText());
                    if (!json) {
                        io.mecmig.criu.CheckpointFigures.describe(report).ifPresent(System.out::println);
                    }
                }
                if (runs > 1) {
                    System.out.println(MigrationSummary.of(reports));
                }
                perApp.add(reports);
            }
        }
        if (perApp.size() > 1 && runs > 1) {
            System.out.println(MigrationSummary.downtimeTable(perApp));
        }
        boolean allCompleted = perApp.stream().flatMap(List::stream).allMatch(r -> r.outcome() == Outcome.COMPLETED);
        return allCompleted ? 0 : 1;
    }

    /**
     * The MEC platform of the testbed for this command: the apps reach it through the gateway as in the paper,
     * and its UEs move ten times faster than real time, so that USPA and ASW gather state within seconds.
     */
    private TestbedPlatform mecPlatform() {
        return TestbedPlatform.start(testbedHosts, MecSandbox.builder().ues(UeSelection.moving()).timeScale(10));
    }

    /**
     * The app as it is deployed: on the testbed it follows a fast UE through the testbed's gateway; with a
     * hosts file it reaches the MEC APIs at its {@code mecBaseUrl} (or the gateway name mapped to the source's
     * gateway address).
     */
    private static AppDeployment deployment(String key, Properties file, TestbedPlatform mec) {
        if (mec != null) {
            return AppCatalog.deployment(key, mec.gatewayAddress()).withEnv("UE_ADDRESS", FOLLOWED_UE);
        }
        return AppCatalog.deployment(key, file.getProperty("mecBaseUrl", file.getProperty("source.gatewayAddress", "127.0.0.1")));
    }

    /** The testbed's hosts (brought up if needed, shaped if asked). */
    private Properties testbed() {
        TestbedConfig config = TestbedConfig.defaults();
        Testbed testbed = Testbed.local(config);
        testbedHosts = testbed.up();
        Properties p = TestbedDockerHosts.of(config, testbedHosts);
        if (rate != null) {
            testbed.shape(LinkProfile.of(rate, loss));
        }
        return p;
    }

    private MigrationReport migrate(AppDeployment deployment, DockerHost from, DockerHost to, LinkProfile link) {
        try {
            Migration.Builder migration = Migration.of(deployment.spec()).from(from).to(to).strategy(strategy).link(link)
                    .onStateLoss(recordStateLoss ? StateLossPolicy.RECORD : StateLossPolicy.ROLL_BACK);
            if (!noJournal) {
                migration.journal(io.mecmig.core.Journal.at(journal)); // on by default: 'mecmig recover' reads it
            }
            return migration.migrate();
        } catch (StepFailedException e) {
            return e.report();
        }
    }

    /**
     * The host the app runs on in the asked network mode, from the image of {@code inputs} (the checkout's build, on
     * {@code a}); deployed fresh on {@code a} when it runs nowhere, in the other mode (a migration keeps the source's
     * mode: a run asked for one mode must start from it), or from an image of other inputs (a copy left by an older
     * build would measure old code).
     */
    private static DockerHost place(AppDeployment deployment, String inputs, DockerHost a, DockerHost b) {
        String container = deployment.spec().container();
        java.util.Optional<DockerHost> running = AppPlacement.runningOn(deployment, List.of(a, b));
        if (running.isPresent()) {
            DockerHost host = running.get();
            String reason = host.networkMode(container) != deployment.network()
                    ? "it runs on " + host.name() + " in " + host.networkMode(container) + " mode, --network "
                    + deployment.network() + " was asked"
                    : !inputs.equals(imageInputs(host, container))
                    ? "it runs on " + host.name() + " from an image of an older build" : null;
            if (reason != null) {
                System.out.println("redeploying " + deployment.key() + ": " + reason);
                MigrationImages.removeContainerAndItsImage(host, container);
                running = java.util.Optional.empty();
            }
        }
        return running.orElseGet(() -> {
            AppPlacement.removeCopy(deployment, a);
            AppPlacement.removeCopy(deployment, b);
            System.out.println("deploying " + deployment.key() + " on " + a.name() + " (network: " + deployment.network() + ")");
            AppPlacement.deploy(deployment, a);
            if (!StateWarmup.await(deployment, a, STATE_WARMUP)) {
                System.out.println("warning: " + deployment.key() + " gathered no state from the MEC APIs within "
                        + STATE_WARMUP.toSeconds() + " s, so its state check says little; see docker logs "
                        + deployment.spec().container() + " on " + a.name());
            }
            return a;
        });
    }

    /** Builds the app's image on {@code host} if missing; returns the hash of its inputs (its tag). */
    private static String buildImage(AppDeployment deployment, DockerHost host) {
        // The connected host's endpoint: an SSH tunnel's local end, or the TLS listener with its client files.
        ImageBuilder.Builder images = ImageBuilder.on(host.endpoint().uri()).projectHome(ProjectHome.path());
        host.endpoint().tlsFiles().ifPresent(tls -> images.tls(tls.folder()));
        try (ImageBuilder builder = images.build()) {
            builder.baseJava();
            String reference = builder.app(AppImages.named(deployment.key())).reference();
            return reference.substring(reference.lastIndexOf(':') + 1);
        }
    }

    /** The inputs hash of the image {@code container} was made from (a committed image keeps the label). */
    private static String imageInputs(DockerHost host, String container) {
        java.util.Map<String, String> labels = host.docker().inspectContainerCmd(container).exec().getConfig().getLabels();
        return labels == null ? "" : labels.getOrDefault(ImageBuilder.INPUTS_LABEL, "");
    }
}

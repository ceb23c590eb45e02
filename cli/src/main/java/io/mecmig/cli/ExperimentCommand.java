package io.mecmig.cli;

import io.mecmig.core.Strategies;
import io.mecmig.docker.NetworkMode;
import io.mecmig.experiment.ConsoleProgress;
import io.mecmig.experiment.ExperimentPlan;
import io.mecmig.experiment.ExperimentRunner;
import io.mecmig.experiment.ExperimentSummary;
import io.mecmig.experiment.ResultsStore;
import io.mecmig.experiment.RunStatus;
import io.mecmig.experiment.TestbedSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./mecmig experiment}: runs the matrix of apps x strategies x link rates x loss on the testbed, each
 * cell {@code --runs} times from a clean state, and writes {@code results.jsonl} and {@code results.csv}.
 * Running it again with the same {@code --out} resumes: finished runs are kept and skipped.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Runs the matrix of apps x strategies x link rates x loss on the testbed.",
                "Resumable: run it again with the same --out to finish an interrupted experiment."})
final class ExperimentCommand implements Callable<Integer> {

    @Option(names = "--apps", split = ",", defaultValue = "ba,uspa,asw", description = "apps (default: ${DEFAULT-VALUE})")
    List<String> apps;

    @Option(names = "--strategies", split = ",",
            description = "strategies (default: sfp,fccp,fullsp and every other strategy in this build)")
    List<String> strategies;

    @Option(names = "--rates", split = ",", defaultValue = "1gbit,100mbit", description = "link rates (default: ${DEFAULT-VALUE})")
    List<String> rates;

    @Option(names = "--loss", split = ",", defaultValue = "0,0.1,1,5", description = "packet loss, percent (default: ${DEFAULT-VALUE})")
    List<Double> loss;

    @Option(names = "--runs", defaultValue = "5", description = "runs per cell (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--out", defaultValue = "results/experiment", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--warmup", defaultValue = "5",
            description = "seconds the app runs on the source, its UE moving, before each migration (default: ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--hosts", description = "the testbed's hosts file (default: ${DEFAULT-VALUE})")
    Path hosts = ExperimentSessions.DEFAULT_HOSTS;

    @Mixin
    NetworkOption network = new NetworkOption();

    @Override
    public Integer call() {
        ExperimentPlan plan = new ExperimentPlan(apps, strategies == null ? defaultStrategies() : strategies, rates,
                loss, runs);
        return execute(plan, out, Duration.ofMillis(Math.round(warmupSeconds * 1000)), hosts, network.mode)
                .complete() ? 0 : 1;
    }

    /** Runs {@code plan} into {@code out} with the apps in network sandboxes, the command's default. */
    static ExperimentSummary execute(ExperimentPlan plan, Path out, Duration warmup, Path hosts) {
        return execute(plan, out, warmup, hosts, NetworkMode.SANDBOX);
    }

    /**
     * Runs {@code plan} into {@code out}, the apps deployed as {@code network} says, printing progress and a summary;
     * shared with the demo.
     */
    static ExperimentSummary execute(ExperimentPlan plan, Path out, Duration warmup, Path hosts, NetworkMode network) {
        System.out.printf("experiment: %d apps x %d strategies x %d links x %d runs, apps deployed %s, results in %s%n",
                plan.apps().size(), plan.strategies().size(), plan.rates().size() * plan.lossPercents().size(),
                plan.runs(), network == NetworkMode.SANDBOX ? "in network sandboxes" : "on Docker's bridge",
                out.toAbsolutePath().normalize());
        ExperimentSummary summary;
        try (TestbedSession session = ExperimentSessions.open(hosts, warmup, network)) {
            summary = new ExperimentRunner(session, new ResultsStore(out), new ConsoleProgress(System.out)).run(plan);
        }
        System.out.printf("experiment: %d completed, %d rolled back, %d failed, %d unavailable, %d errors,"
                        + " %d kept from before, in %s%n",
                summary.count(RunStatus.COMPLETED), summary.count(RunStatus.ROLLED_BACK),
                summary.count(RunStatus.FAILED), summary.count(RunStatus.UNAVAILABLE), summary.count(RunStatus.ERROR),
                summary.kept(), ConsoleProgress.duration(summary.wall()));
        System.out.println("experiment: results in " + out.resolve(ResultsStore.JSON_LINES) + " and "
                + out.resolve(ResultsStore.CSV) + "; report: ./mecmig report " + out);
        if (!summary.complete()) {
            System.out.println("experiment: not every run finished; run the same command again to retry the rest");
        }
        return summary;
    }

    /** {@code 9 runs: 7 completed, 2 unavailable}: the summary in one line, statuses that occurred only. */
    static String describe(ExperimentSummary summary) {
        StringBuilder s = new StringBuilder(summary.total() + " runs:");
        String sep = " ";
        if (summary.kept() > 0) {
            s.append(sep).append(summary.kept()).append(" kept from before");
            sep = ", ";
        }
        for (RunStatus status : RunStatus.values()) {
            if (summary.count(status) > 0) {
                s.append(sep).append(summary.count(status)).append(' ')
                        .append(status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                sep = ", ";
            }
        }
        return s.toString();
    }

    /** The paper's three, then every other strategy this build offers. */
    static List<String> defaultStrategies() {
        LinkedHashSet<String> all = new LinkedHashSet<>(List.of("sfp", "fccp", "fullsp"));
        all.addAll(Strategies.names());
        return new ArrayList<>(all);
    }
}

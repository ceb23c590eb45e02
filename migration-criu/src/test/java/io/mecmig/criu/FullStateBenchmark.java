package io.mecmig.criu;

import io.mecmig.core.AppSpec;
import io.mecmig.core.LinkProfile;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.StepFailedException;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.catalog.AppCatalog;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The full-state benchmark: RUNS migrations per strategy of one app back and forth between the two hosts,
 * strategies interleaved so both see the same machine load, then the medians of the UE-observed downtime, the
 * physical floor and their ratio. The link is shaped by the testbed ({@code ./mecmig testbed shape}); pass
 * the same rate and loss here so they are recorded and the floor uses them.
 *
 * <p>{@code java ... io.mecmig.criu.FullStateBenchmark HOSTS_FILE APP RATE LOSS RUNS STRATEGY...}
 */
public final class FullStateBenchmark {

    public static void main(String[] args) {
        Path hosts = Path.of(args[0]);
        String appKey = args[1];
        LinkProfile link = LinkProfile.of(args[2], Double.parseDouble(args[3]));
        int runs = Integer.parseInt(args[4]);
        List<String> strategies = List.of(args).subList(5, args.length);
        AppDeployment app = appKey.equals("proto") ? null : AppCatalog.deployment(appKey, "http://mec-gateway/sbx/");
        AppSpec spec = app == null ? ProtoApp.spec() : app.spec();
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        try (DockerHost a = DockerHostConfig.load(hosts, "source.").connect();
             DockerHost b = DockerHostConfig.load(hosts, "target.").connect()) {
            for (int run = 1; run <= runs; run++) {
                for (String strategy : strategies) {
                    DockerHost from = a.isRunning(spec.container()) ? a : b;
                    DockerHost to = from == a ? b : a;
                    if (!from.isRunning(spec.container()) && app != null) {
                        AppPlacement.deploy(app, a);
                        from = a;
                        to = b;
                    }
                    MigrationImages.removeContainerAndItsImage(to, spec.container());
                    MigrationReport r;
                    try {
                        r = Migration.of(spec).from(from).to(to).strategy(strategy).link(link).migrate();
                    } catch (StepFailedException e) {
                        r = e.report();
                    }
                    Duration down = CheckpointFigures.ueDowntime(r);
                    String line = String.format(Locale.ROOT, "run %d %s: %s, UE downtime %s s, state %s", run, strategy,
                            r.outcome(), down == null ? "-" : String.format(Locale.ROOT, "%.3f", down.toNanos() / 1e9),
                            r.stateCheck() == null ? "-" : (r.stateCheck().preserved() ? "kept" : "LOST"));
                    System.out.println(line + (r.failure() == null ? "" : " (" + r.failure() + ")"));
                    CheckpointFigures.describe(r).ifPresent(System.out::println);
                    if (r.outcome() == Outcome.COMPLETED && down != null) {
                        PhysicalFloor floor = PhysicalFloor.of(r).orElseThrow();
                        figures.computeIfAbsent(strategy, s -> new ArrayList<>()).add(new double[] {
                            down.toNanos() / 1e9, floor.seconds(), floor.ratio(down),
                            r.measures().getOrDefault(io.mecmig.core.Measures.FROZEN_TIME, 0.0),
                            r.measures().getOrDefault(io.mecmig.core.Measures.CHECKPOINT_SENT, 0.0),
                            r.measures().getOrDefault(io.mecmig.core.Measures.CHECKPOINT_SIZE, 0.0),
                            r.measures().getOrDefault(io.mecmig.core.Measures.RESTORE_TIME, 0.0)});
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s at %s, %.1f %% loss: medians of completed runs%n", appKey, link.rateLabel(),
                link.lossPercent());
        System.out.println("strategy        runs  UE downtime s  floor s  ratio  frozen s  sent B      ckpt B      restore s");
        figures.forEach((strategy, rows) -> System.out.printf(Locale.ROOT, "%-15s %4d  %13.3f  %7.3f  %5.2f  %8.3f  %-10.0f  %-10.0f  %.3f%n",
                strategy, rows.size(), median(rows, 0), median(rows, 1), median(rows, 2), median(rows, 3),
                median(rows, 4), median(rows, 5), median(rows, 6)));
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}

package io.mecmig.cli;

import io.mecmig.experiment.ConsoleProgress;
import io.mecmig.experiment.ExperimentPlan;
import io.mecmig.experiment.ExperimentSummary;
import io.mecmig.report.ReportFiles;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./mecmig demo}: setup, testbed up, the images, a reference run (the three apps with every strategy,
 * 100 Mbit/s, no loss, one run each) and the report. A part that is missing or fails is said plainly and
 * the demo goes on with the rest; at the end it prints where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Sets everything up and runs the migration comparison on the two-host testbed, then writes the report.")
final class DemoCommand implements Callable<Integer> {

    /** Exit code of a command this build does not provide yet. */
    private static final int NOT_AVAILABLE = 2;

    @Option(names = "--out", description = "results and report folder (default: results/demo-TIMESTAMP in the checkout)")
    Path out;

    @Option(names = "--runs", defaultValue = "1", description = "runs per cell (default: ${DEFAULT-VALUE})")
    int runs;

    @Mixin
    NetworkOption network = new NetworkOption();

    private final List<String> summary = new ArrayList<>();

    @Override
    public Integer call() {
        long began = System.nanoTime();
        Path dir = out != null ? out : ProjectHome.path().resolve("results")
                .resolve("demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        boolean ready = part("setup", () -> Main.commandLine().execute("setup"));
        ready &= part("testbed up", () -> Main.commandLine().execute("testbed", "up"));
        List<String> images = new ArrayList<>(List.of("images", "build"));
        sourceEngine().ifPresent(engine -> images.addAll(List.of("--engine", engine)));
        ready &= part(String.join(" ", images), () -> Main.commandLine().execute(images.toArray(String[]::new)));
        ExperimentPlan plan = new ExperimentPlan(List.of("ba", "uspa", "asw"), ExperimentCommand.defaultStrategies(),
                List.of("100mbit"), List.of(0.0), runs);
        boolean ran = experiment(plan, dir);
        ReportFiles files = null;
        try {
            System.setProperty("java.awt.headless", "true");
            files = ReportCommand.write(dir, dir.resolve("report"), 120);
            summary.add("report: written");
        } catch (RuntimeException e) {
            summary.add("report: FAILED: " + e.getMessage());
        }
        System.out.println();
        System.out.println("== demo summary (" + ConsoleProgress.duration(Duration.ofNanos(System.nanoTime() - began)) + ")");
        summary.forEach(line -> System.out.println("  " + line));
        if (files != null) {
            System.out.println("The report is at " + files.html().toAbsolutePath().normalize());
            System.out.println("Markdown summary: " + files.markdown().toAbsolutePath().normalize());
        }
        System.out.println("Results: " + dir.toAbsolutePath().normalize());
        return ready && ran && files != null ? 0 : 1;
    }

    private boolean experiment(ExperimentPlan plan, Path dir) {
        String name = "reference run (3 apps x " + plan.strategies().size() + " strategies, 100 Mbit/s, no loss, "
                + plan.runs() + " run" + (plan.runs() == 1 ? "" : "s") + ")";
        System.out.println();
        System.out.println("== demo: " + name);
        try {
            ExperimentSummary result = ExperimentCommand.execute(plan, dir, Duration.ofSeconds(5),
                    ExperimentSessions.DEFAULT_HOSTS, network.mode);
            summary.add(name + ": " + ExperimentCommand.describe(result));
            return result.complete();
        } catch (RuntimeException e) {
            summary.add(name + ": FAILED: " + e.getMessage());
            return false;
        }
    }

    /**
     * The source host's Docker engine, where the runs start the apps and so where their images must be: as the
     * hosts file names it, else the testbed's source host.
     */
    private static Optional<String> sourceEngine() {
        Path hosts = ExperimentSessions.DEFAULT_HOSTS;
        if (!Files.isReadable(hosts)) {
            try {
                return Optional.of(Testbed.local(TestbedConfig.defaults()).hosts().source().dockerUri().toString());
            } catch (RuntimeException e) {
                return Optional.empty(); // the testbed part already said what is wrong
            }
        }
        try {
            return Optional.ofNullable(HostsFile.read(hosts, "").getProperty("source.docker"));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty(); // the experiment part says what is wrong with it
        }
    }

    /** Runs one part; says plainly whether it worked, is missing from this build, or failed, and goes on. */
    private boolean part(String name, IntSupplier action) {
        System.out.println();
        System.out.println("== demo: " + name);
        int code;
        try {
            code = action.getAsInt();
        } catch (RuntimeException e) {
            summary.add(name + ": FAILED: " + e.getMessage());
            return false;
        }
        summary.add(name + ": " + switch (code) {
            case 0 -> "ok";
            case NOT_AVAILABLE -> "not available in this build (skipped)";
            default -> "FAILED (exit " + code + "; see its output above)";
        });
        return code == 0;
    }
}

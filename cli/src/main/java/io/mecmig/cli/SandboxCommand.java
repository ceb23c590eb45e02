package io.mecmig.cli;

import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.sandbox.report.HostChangeStats;
import io.mecmig.sandbox.report.HostPlacement;
import io.mecmig.sandbox.report.MobilityReport;
import io.mecmig.sandbox.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The embedded MEC sandbox: serve it, drive it, report on its mobility, benchmark it. */
@Command(name = "sandbox", description = "The embedded MEC sandbox: serve it, drive it, report on its mobility, benchmark it.",
        subcommands = {SandboxCommand.Serve.class, SandboxControlCommand.class, SandboxCommand.MobilityReportCommand.class,
            SandboxCommand.Bench.class},
        mixinStandardHelpOptions = true)
final class SandboxCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("usage: mecmig sandbox serve --port P [--time-scale N] [--sandbox NAME]");
        System.out.println("       mecmig sandbox control [--url URL] status|start|pause|reset|step [N]|time-scale N|ues [SELECTION]");
        System.out.println("       mecmig sandbox mobility-report --placement poa|zone [--duration 2h] [--tick 1s] [--ues moving]");
        System.out.println("       mecmig sandbox bench [--ues 100] [--requests 5000]");
        return 2;
    }

    private static Scenario scenario(Path file) {
        return file == null ? Scenario.monaco() : Scenario.load(file);
    }

    /** {@code mecmig sandbox serve}: runs the sandbox in the foreground until interrupted. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the ETSI MEC 013 Location API and MEC 012 RNIS with Monaco user mobility.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port)", defaultValue = "8085")
        int port;
        @Option(names = "--bind", description = "address to listen on (default ${DEFAULT-VALUE})", defaultValue = "0.0.0.0")
        String bind;
        @Option(names = "--time-scale", description = "scenario seconds per real second (default ${DEFAULT-VALUE})", defaultValue = "1")
        double timeScale;
        @Option(names = "--sandbox", description = "sandbox name: APIs under /NAME/location/v2/... (default: no prefix)")
        String sandboxName;
        @Option(names = "--ues", description = "all (default), moving, stationary=N,low=N,high=N, or UE addresses a,b,c",
                defaultValue = "all")
        String ues;
        @Option(names = "--scenario", description = "scenario JSON file (default: the bundled Monaco 4g-5g-wifi-macro)")
        Path scenarioFile;
        @Option(names = "--paused", description = "start with the clock paused (use the control API to step or start)")
        boolean paused;

        @Override
        public Integer call() throws InterruptedException {
            MecSandbox.Builder b = MecSandbox.builder().scenario(scenario(scenarioFile)).port(port).bindAddress(bind)
                    .timeScale(timeScale).sandboxName(sandboxName).ues(UeSelection.parse(ues));
            if (paused) {
                b.paused();
            }
            MecSandbox sandbox = b.start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sandbox.close();
                stopped.countDown();
            }, "mec-sandbox-shutdown"));
            var status = sandbox.control().status();
            System.out.printf("MEC sandbox serving scenario %s: %d UEs (%s), time scale %s, %s%n",
                    sandbox.control().scenario().name(), status.ues(), status.selection(), timeScale,
                    status.running() ? "running" : "paused");
            System.out.println("  Location API: " + sandbox.locationUrl());
            System.out.println("  Location API: " + sandbox.baseUrl() + "/mep1/location/v2");
            System.out.println("  RNIS:         " + sandbox.rniUrl());
            System.out.println("  RNIS:         " + sandbox.baseUrl() + "/mep1/rni/v2");
            System.out.println("  Control:      " + sandbox.controlUrl());
            System.out.println("Listening on " + bind + ":" + sandbox.port() + ". Ctrl-C stops it.");
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    /** {@code mecmig sandbox mobility-report}: the paper's Table V from the mobility engine. */
    @Command(name = "mobility-report", mixinStandardHelpOptions = true,
            description = "Time between changes of the serving MEC host for moving UEs, beside the paper's Table V.")
    static final class MobilityReportCommand implements Callable<Integer> {
        @Option(names = "--placement", description = "poa, zone or both (default ${DEFAULT-VALUE})", defaultValue = "both")
        String placement;
        @Option(names = "--duration", description = "scenario time to simulate, e.g. 2h, 30m, 900s (default ${DEFAULT-VALUE})",
                defaultValue = "2h")
        String duration;
        @Option(names = "--tick", description = "tick length, e.g. 1s, 100ms (default ${DEFAULT-VALUE})", defaultValue = "1s")
        String tick;
        @Option(names = "--ues", description = "moving (default), low=N,high=N, or UE addresses a,b,c", defaultValue = "moving")
        String ues;
        @Option(names = "--scenario", description = "scenario JSON file (default: the bundled Monaco 4g-5g-wifi-macro)")
        Path scenarioFile;

        @Override
        public Integer call() {
            List<HostPlacement> placements = switch (placement.toLowerCase(Locale.ROOT)) {
                case "poa" -> List.of(HostPlacement.POA);
                case "zone" -> List.of(HostPlacement.ZONE);
                case "both" -> List.of(HostPlacement.POA, HostPlacement.ZONE);
                default -> throw new IllegalArgumentException("--placement must be poa, zone or both, got '" + placement + "'");
            };
            double durationS = seconds(duration, "--duration");
            double tickS = seconds(tick, "--tick");
            Scenario s = scenario(scenarioFile);
            UeSelection selection = UeSelection.parse(ues);
            System.out.printf("Time available for migration (%s, UEs %s, %s of scenario time, tick %s)%n",
                    s.name(), selection, duration, tick);
            System.out.printf("%-28s %12s %12s %12s %10s   %12s %12s%n", "host placement", "average (s)", "shortest (s)",
                    "longest (s)", "intervals", "paper avg", "paper min");
            for (HostPlacement p : placements) {
                HostChangeStats r = MobilityReport.compute(s, selection, p, durationS, tickS);
                double[] paper = HostChangeStats.paper(p);
                System.out.printf("%-28s %12s %12s %12s %10d   %12.3f %12.3f%n",
                        p == HostPlacement.POA ? "host at each PoA" : "host at each zone",
                        seconds3(r.averageSeconds()), seconds3(round(r.shortestSeconds(), tickS)),
                        seconds3(round(r.longestSeconds(), tickS)), r.intervals(), paper[0], paper[1]);
                if (r.intervals() == 0) {
                    System.out.printf("  (no interval: the selected UEs changed host %d time(s) in %s; try a longer --duration"
                            + " or more UEs)%n", r.hostChanges(), duration);
                }
            }
            System.out.println("Figures are times between consecutive changes of the serving host, over the "
                    + "moving UEs; their resolution is one tick. Paper: Table V (ETSI MEC Sandbox, Monaco).");
            return 0;
        }

        /** Rounded to the tick, the figures' resolution; NaN (no interval) stays NaN. */
        private static double round(double v, double tick) {
            return Double.isNaN(v) ? v : Math.round(v / tick) * tick;
        }

        private static String seconds3(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
        }
    }

    /** {@code mecmig sandbox bench}: latency of the users query while UEs move. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measure the users query's latency with N moving UEs (median, p90, p99).")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--ues", description = "moving UEs (default ${DEFAULT-VALUE})", defaultValue = "100")
        int ues;
        @Option(names = "--requests", description = "measured requests (default ${DEFAULT-VALUE})", defaultValue = "5000")
        int requests;
        @Option(names = "--warmup", description = "requests before measuring (default ${DEFAULT-VALUE})", defaultValue = "2000")
        int warmup;
        @Option(names = "--time-scale", description = "clock speed while measuring (default ${DEFAULT-VALUE})", defaultValue = "10")
        double timeScale;

        @Override
        public Integer call() throws Exception {
            if (ues < 1 || ues > 2 * UeSelection.MAX_PER_CLASS || requests < 1 || warmup < 0) {
                throw new IllegalArgumentException("--ues must be 1 to " + 2 * UeSelection.MAX_PER_CLASS
                        + ", --requests at least 1 and --warmup 0 or more");
            }
            String loadBefore = loadAverage();
            System.out.println(io.mecmig.sandbox.bench.UsersQueryBenchmark.run(ues, warmup, requests, timeScale));
            System.out.println("load average before / after: " + loadBefore + " / " + loadAverage());
            return 0;
        }
    }

    /** The 1, 5 and 15 minute load averages, to print beside a measured figure. */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    /** Parses 2h, 30m, 90s, 100ms or a plain number of seconds. */
    static double seconds(String text, String option) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a duration: write e.g. 2h, 30m, 90s or 100ms");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double s = switch (unit) {
            case "ms" -> v / 1000;
            case "m", "min" -> v * 60;
            case "h" -> v * 3600;
            default -> v;
        };
        if (!(s > 0)) {
            throw new IllegalArgumentException(option + " must be above zero, got '" + text + "'");
        }
        return s;
    }
}

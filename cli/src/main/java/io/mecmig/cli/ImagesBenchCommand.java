package io.mecmig.cli;

import io.mecmig.images.AppImage;
import io.mecmig.images.AppImages;
import io.mecmig.images.ImageBuilder;
import io.mecmig.images.StartupBenchmark;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mecmig images bench}: how fast each app's container starts and how small it stays. Each run is a new
 * container of the app's image: {@code docker start} to the first {@code /health} answer, and the RSS of its
 * processes then and after a few seconds of polling the embedded MEC sandbox. Prints every run, then the medians.
 */
@Command(name = "bench", description = {
        "Measures each app image's start (docker start to the first /health answer) and its RSS, on new containers,",
        "against the embedded MEC sandbox; prints every run and the medians. Run it alone (it times CPU-bound starts)."})
final class ImagesBenchCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--engine", description = "Docker engine URI of this machine (default: $DOCKER_HOST or unix:///var/run/docker.sock).")
    URI engine;

    @Option(names = "--app", description = "Only this app: ba, uspa or asw. Repeatable (default: all three).")
    List<String> apps = new ArrayList<>();

    @Option(names = "--runs", description = "Runs per app (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int runs;

    @Option(names = "--settle-seconds", description = "Seconds the app polls the MEC API before its RSS is read again (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int settleSeconds;

    @Override
    public Integer call() {
        if (runs < 1 || settleSeconds < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --settle-seconds at least 0 (were " + runs
                    + " and " + settleSeconds + ")");
        }
        URI uri = engine != null ? engine : URI.create(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));
        List<AppImage> images = apps.isEmpty() ? AppImages.all() : apps.stream().map(AppImages::named).toList();
        try (ImageBuilder builder = ImageBuilder.on(uri).projectHome(ProjectHome.path()).build()) {
            images.forEach(builder::app); // reuses what is built already
        }
        String loadBefore = loadAverage();
        List<StartupBenchmark.Run> all = new ArrayList<>();
        try (StartupBenchmark bench = StartupBenchmark.on(uri)) {
            String bridge = bench.bridgeGateway();
            try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress(bridge).port(0)
                    .ues(UeSelection.moving()).start()) {
                Map<String, String> env = Map.of("MEC_BASE_URL", "http://mec-gateway:" + sandbox.port() + "/sbx/");
                System.out.println("1ST ANSWER: from docker start to the first 200 of /health (START CALL: the start call alone); "
                        + "RSS: VmRSS of the container's processes at that answer and after " + settleSeconds
                        + " s of polling the sandbox at " + sandbox.baseUrl() + "; MEC: /health's mecReachable then.");
                System.out.printf("%-5s %4s %12s %14s %12s %13s %6s %4s%n", "APP", "RUN", "START CALL s", "1ST ANSWER s",
                        "RSS@ANS MiB", "RSS+" + settleSeconds + "s MiB", "PROCS", "MEC");
                for (AppImage image : images) {
                    for (int i = 1; i <= runs; i++) {
                        StartupBenchmark.Run run = bench.run(image, env, "mec-gateway:" + bridge, Duration.ofSeconds(settleSeconds));
                        all.add(run);
                        System.out.printf("%-5s %4d %12.3f %14.3f %12.1f %13.1f %6d %4s%n", run.app(), i, seconds(run.startCall()),
                                seconds(run.startToFirstAnswer()), mib(run.rssAtFirstAnswerKb()), mib(run.rssSettledKb()), run.processes(),
                                run.mecReachable() ? "ok" : "DOWN");
                    }
                }
            }
        }
        System.out.printf("%nMedians of %d runs per app (load average before %s, after %s):%n", runs, loadBefore, loadAverage());
        System.out.printf("%-5s %14s %12s %13s%n", "APP", "1ST ANSWER s", "RSS@ANS MiB", "RSS+" + settleSeconds + "s MiB");
        for (AppImage image : images) {
            List<StartupBenchmark.Run> mine = all.stream().filter(r -> r.app().equals(image.name())).toList();
            System.out.printf("%-5s %14.3f %12.1f %13.1f%n", image.name(),
                    median(mine, r -> r.startToFirstAnswer().toNanos()) / 1e9,
                    mib(median(mine, StartupBenchmark.Run::rssAtFirstAnswerKb)), mib(median(mine, StartupBenchmark.Run::rssSettledKb)));
        }
        return 0;
    }

    /** The median (the mean of the middle two for an even count). */
    static long median(List<StartupBenchmark.Run> runs, ToLongFunction<StartupBenchmark.Run> value) {
        long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double mib(long kilobytes) {
        return kilobytes / 1024.0;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}

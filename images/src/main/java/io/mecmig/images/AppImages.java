package io.mecmig.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three sample app images. Every image runs with no manual input ({@code docker run IMAGE}); these
 * constants are the single source of the Dockerfiles' CMD/ENV/WORKDIR/EXPOSE/VOLUME, so migration code can pass
 * exactly the same values by hand when a strategy loses them (SFP: {@code docker run -w WORKDIR -e ... IMAGE CMD}).
 */
public final class AppImages {

    /** Port of {@code /health}, {@code /state} (and USPA's {@code /changePhase}) inside every app container. */
    public static final int STATUS_PORT = 8080;
    /** Port of memcached inside the ASW container. */
    public static final int MEMCACHED_PORT = 11211;
    /**
     * USPA's volume, holding {@code state.json} and {@code runtimedata.dat}. USPA finds it only through
     * {@code DATA_DIR} in its ENV: its own default (/data) is elsewhere, so a copy that lost its ENV (SFP's
     * {@code import}) starts from zero, as the paper's USPA did.
     */
    public static final String USPA_VOLUME = "/var/lib/uspa";
    /** Where the Java runtime lives in every image. */
    public static final String JAVA = "/opt/java/bin/java";
    /** Where the apps' jars live in every app image. */
    public static final String LIB_DIR = "/app/lib";
    /**
     * The app's class-data-sharing archive, made at image build time by a training start of the app: it holds the
     * app's classes already parsed and verified, which makes the JVM answer about twice as fast after start.
     */
    public static final String CDS_ARCHIVE = "/app/app.jsa";
    /** Default MEC base URL of the images: the gateway, by a name the runner maps with {@code --add-host}. */
    public static final String DEFAULT_MEC_BASE_URL = "http://mec-gateway/sbx/";

    /**
     * JVM options of every app: small and quick to start (C1 only, serial GC, no perf-data file in /tmp, the
     * runtime's CDS archive), and friendly to CRIU (few threads, a bounded heap to dump). Host names resolve from
     * the container's /etc/hosts only, never through DNS: whoever runs an app maps the gateway's name with
     * {@code --add-host mec-gateway:IP} (or puts an address in MEC_BASE_URL), and no lookup ever leaves the host.
     *
     * <p>{@code ArchiveRelocationMode=0} maps the CDS archives where they were made: Debian's JDK 17 defaults to 1,
     * which maps them elsewhere and rewrites every pointer in them at each start (JVM creation 0.135 -> 0.066 s,
     * measured in the BA container). Where that address is taken, the JVM still relocates, as before. Naming SLF4J's
     * provider spares it a scan of every jar for one at the first log line.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=24m",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xss512k", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
            "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider", "-Djdk.net.hosts.file=/etc/hosts");

    private AppImages() {
    }

    /** BA: RNIS consumer, no state. */
    public static AppImage ba() {
        return new AppImage("ba", "mecmig/ba", "io.mecmig.apps.ba.BaApp", java("io.mecmig.apps.ba.BaApp"),
                commonEnv(), "/app", List.of(STATUS_PORT), List.of(), CdsTraining.polling());
    }

    /** USPA: counts zone changes; state on the {@value #USPA_VOLUME} volume; {@code /changePhase} endpoint. */
    public static AppImage uspa() {
        Map<String, String> env = commonEnv();
        env.put("DATA_DIR", USPA_VOLUME);
        env.put("LOG_DIR", "/var/log/mecmig");
        return new AppImage("uspa", "mecmig/uspa", "io.mecmig.apps.uspa.UspaApp", java("io.mecmig.apps.uspa.UspaApp"),
                env, "/app", List.of(STATUS_PORT), List.of(USPA_VOLUME),
                // A migrated USPA starts with its state file: reading it takes Jackson's deserializers, about 650
                // classes that, outside the archive, added ~0.45 s to its first /health answer after a move.
                // It is not trained against the MEC platform: a poll would write its state and runtime log into the image.
                new CdsTraining(Map.of(USPA_VOLUME + "/state.json", "{\"counter\":1,\"zone\":\"zone01\"}"), "", false));
    }

    /**
     * ASW: memcached and the Java loop in one container. The CMD starts memcached in the background, then execs the
     * JVM, so both processes are in the container (and in its checkpoint).
     */
    public static AppImage asw() {
        Map<String, String> env = commonEnv();
        env.put("MEMCACHED", "127.0.0.1:" + MEMCACHED_PORT);
        // -n 1024: memcached touches a whole 1 MiB page for each size class it stores an item in; with chunks of at
        // least 1 KiB, all of ASW's records (under 1 KiB each) share one page instead of one per class (3 MiB),
        // which a checkpoint of the container carries. Room for about 60,000 such records in 64 MiB.
        String memcached = "/usr/bin/memcached -u root -l 0.0.0.0 -p " + MEMCACHED_PORT + " -U 0 -m 64 -c 64 -t 1 -n 1024";
        String jvm = String.join(" ", java("io.mecmig.apps.asw.AswApp")).replace(LIB_DIR + "/*", "'" + LIB_DIR + "/*'");
        return new AppImage("asw", "mecmig/asw", "io.mecmig.apps.asw.AswApp",
                List.of("/bin/sh", "-c", memcached + " & exec " + jvm), env, "/app",
                List.of(STATUS_PORT, MEMCACHED_PORT), List.of(), new CdsTraining(Map.of(), memcached, true));
    }

    /** BA, USPA and ASW. */
    public static List<AppImage> all() {
        return List.of(ba(), uspa(), asw());
    }

    /** The image of the app called {@code name}. */
    public static AppImage named(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no app image '" + name + "': use one of ba, uspa, asw"));
    }

    private static List<String> java(String mainClass) {
        return java(mainClass, "-XX:SharedArchiveFile=" + CDS_ARCHIVE, LIB_DIR + "/*");
    }

    private static List<String> java(String mainClass, String cdsOption, String classPath) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(JVM_OPTIONS);
        command.add(cdsOption);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        return command;
    }

    /**
     * The shell script that makes {@link #CDS_ARCHIVE} at build time: with the image's ENV (the Dockerfile sets it
     * after this step), puts the image's training files in place, serves the training MEC platform and points
     * {@code MEC_BASE_URL} at it (apps trained against it), starts the companion (ASW's memcached), starts the app,
     * waits for its first {@code /health} answer and, against the platform, for one whose poll succeeded, asks
     * {@code /state} once, stops it (the JVM writes the archive of every class loaded so far as it exits), then the
     * companion and the platform, and removes what the run put in place. It never fails the build: without an
     * archive the JVM simply starts without it.
     */
    static String cdsTrainingScript(AppImage image) {
        StringBuilder script = new StringBuilder();
        image.env().forEach((name, value) -> script.append("export ").append(name).append('=').append(shellQuote(value)).append("; "));
        CdsTraining training = image.training();
        for (Map.Entry<String, String> file : training.files().entrySet()) {
            putFile(script, file.getKey(), file.getValue());
        }
        String status = "http://127.0.0.1:" + STATUS_PORT;
        if (training.mecApi()) {
            TrainingMecApi.answers().forEach((path, content) -> putFile(script, TrainingMecApi.ROOT + path, content));
            script.append("busybox httpd -f -p 127.0.0.1:").append(TrainingMecApi.PORT).append(" -h ").append(TrainingMecApi.ROOT)
                    .append(" & api=$!; export MEC_BASE_URL=").append(shellQuote(TrainingMecApi.BASE_URL)).append("; ");
        }
        if (!training.companion().isEmpty()) {
            script.append(training.companion()).append(" & companion=$!; ");
        }
        String jvm = String.join(" ", java(image.mainClass(), "-XX:ArchiveClassesAtExit=" + CDS_ARCHIVE, "'" + LIB_DIR + "/*'"));
        script.append(jvm).append(" & pid=$!; i=0; until wget -q -O /dev/null ").append(status).append("/health || [ $i -ge 1200 ]; ")
                .append("do sleep 0.1; i=$((i+1)); done; ");
        if (training.mecApi()) {
            script.append("i=0; until wget -q -O - ").append(status).append("/health | grep -q '\"mecReachable\":true' || [ $i -ge 100 ]; ")
                    .append("do sleep 0.1; i=$((i+1)); done; ");
        }
        script.append("wget -q -O /dev/null ").append(status).append("/state; sleep 1; kill -TERM $pid; wait $pid; ");
        if (!training.companion().isEmpty()) {
            script.append("kill $companion; wait $companion; ");
        }
        if (training.mecApi()) {
            script.append("kill $api; wait $api; rm -rf ").append(TrainingMecApi.ROOT).append("; ");
        }
        for (String path : training.files().keySet()) {
            script.append("rm -f ").append(shellQuote(path)).append("; ");
        }
        return script.append("true").toString();
    }

    private static void putFile(StringBuilder script, String path, String content) {
        script.append("mkdir -p ").append(shellQuote(path.substring(0, path.lastIndexOf('/') + 1)))
                .append(" && printf '%s' ").append(shellQuote(content)).append(" > ").append(shellQuote(path)).append("; ");
    }

    private static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static Map<String, String> commonEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MEC_BASE_URL", DEFAULT_MEC_BASE_URL);
        env.put("POLL_INTERVAL_MS", "200");
        env.put("STATUS_PORT", String.valueOf(STATUS_PORT));
        env.put("UE_ADDRESS", "");
        return env;
    }
}

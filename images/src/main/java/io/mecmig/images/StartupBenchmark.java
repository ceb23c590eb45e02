package io.mecmig.images;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measures how fast an app container starts and how small it stays: the time from {@code docker start} to the
 * first {@code /health} answer, and the RSS of the container's processes, right after that answer and once the app
 * has polled the MEC API for a while. Each run uses a new container (created, not timed; removed with its anonymous
 * volumes afterwards), so every run is a cold start of the app from its image.
 *
 * <p>The engine must run on this machine: {@code /health} is asked at the container's own address (no published
 * port, no docker-proxy in the path) and the RSS is read from this machine's {@code /proc} ({@link ProcessMemory}).
 */
public final class StartupBenchmark implements AutoCloseable {

    /** How often {@code /health} is asked while the app starts. */
    static final Duration HEALTH_POLL = Duration.ofMillis(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * One run.
     *
     * @param app                 the app's name
     * @param startCall           how long the {@code docker start} call itself took
     * @param startToFirstAnswer  from just before {@code docker start} to the first 200 of {@code /health}
     * @param rssAtFirstAnswerKb  VmRSS of every process of the container right after that answer, in kB
     * @param rssSettledKb        the same after the settle time (the app polled the MEC API meanwhile)
     * @param processes           how many processes the container had then (ASW: the JVM and memcached)
     * @param mecReachable        whether {@code /health} said then that the app's MEC API calls succeed
     */
    public record Run(String app, Duration startCall, Duration startToFirstAnswer, long rssAtFirstAnswerKb,
                      long rssSettledKb, int processes, boolean mecReachable) {
    }

    private final DockerEngine engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private StartupBenchmark(URI engine) {
        this.engine = new DockerEngine(engine);
    }

    /** A benchmark on the engine at {@code engine} (e.g. {@code unix:///var/run/docker.sock}), which must be local. */
    public static StartupBenchmark on(URI engine) {
        StartupBenchmark bench = new StartupBenchmark(engine);
        bench.engine.ping();
        return bench;
    }

    /**
     * The address of the engine's default bridge on this machine: a MEC platform listening there is reachable from
     * the containers (map its name with {@code --add-host}).
     */
    public String bridgeGateway() {
        return BridgeGateway.of(engine.client().inspectNetworkCmd().withNetworkId("bridge").exec());
    }

    /**
     * Starts a new container of {@code image}'s latest build, times it to its first {@code /health} answer, reads its
     * RSS then and after {@code settle}, and removes it.
     *
     * @param env       ENV added to the image's (e.g. {@code MEC_BASE_URL} of a running MEC platform)
     * @param extraHost an {@code --add-host} entry such as {@code mec-gateway:172.17.0.1}, or null
     */
    public Run run(AppImage image, Map<String, String> env, String extraHost, Duration settle) {
        DockerClient docker = engine.client();
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        HostConfig host = HostConfig.newHostConfig();
        if (extraHost != null) {
            host.withExtraHosts(extraHost);
        }
        String id = docker.createContainerCmd(image.latest()).withName("mecmig-bench-" + image.name() + "-"
                + UUID.randomUUID().toString().substring(0, 8)).withEnv(envList).withHostConfig(host).exec().getId();
        try {
            long t0 = System.nanoTime();
            docker.startContainerCmd(id).exec();
            Duration startCall = Duration.ofNanos(System.nanoTime() - t0);
            InspectContainerResponse started = docker.inspectContainerCmd(id).exec();
            URI health = URI.create("http://" + started.getNetworkSettings().getIpAddress() + ":" + image.statusPort() + "/health");
            awaitHealth(health, id, t0);
            Duration toAnswer = Duration.ofNanos(System.nanoTime() - t0);
            long pid = started.getState().getPidLong();
            long rssAtAnswer = ProcessMemory.of(pid).rssKilobytes();
            sleep(settle);
            ProcessMemory settled = ProcessMemory.of(pid);
            boolean mecReachable = body(health).contains("\"mecReachable\":true");
            return new Run(image.name(), startCall, toAnswer, rssAtAnswer, settled.rssKilobytes(), settled.processes(), mecReachable);
        } finally {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    private void awaitHealth(URI health, String id, long t0) {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build();
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + health, e);
            }
            if (System.nanoTime() - t0 > START_TIMEOUT.toNanos()) {
                throw new IllegalStateException("container " + id + " did not answer " + health + " within "
                        + START_TIMEOUT.toSeconds() + " s: see docker logs " + id);
            }
            sleep(HEALTH_POLL);
        }
    }

    private String body(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the app stopped answering " + uri + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}

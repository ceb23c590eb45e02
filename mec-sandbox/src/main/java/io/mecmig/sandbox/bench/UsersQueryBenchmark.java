package io.mecmig.sandbox.bench;

import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Latency of {@code GET .../location/v2/queries/users} while UEs move: starts a sandbox with the given
 * number of moving UEs and its clock running, sends sequential requests over one keep-alive connection
 * after a warm-up, and reports the distribution of the round trips.
 */
public final class UsersQueryBenchmark {
    private UsersQueryBenchmark() {
    }

    /**
     * Result of a run.
     *
     * @param ues          moving UEs
     * @param requests     measured requests
     * @param medianMs     median round trip
     * @param p90Ms        90th percentile
     * @param p99Ms        99th percentile
     * @param maxMs        slowest
     * @param meanMs       mean
     * @param bodyBytes    size of the last answer
     * @param ticksDuring  ticks the clock ran while measuring (proof that UEs moved)
     */
    public record Result(int ues, int requests, double medianMs, double p90Ms, double p99Ms, double maxMs,
                         double meanMs, int bodyBytes, long ticksDuring) {
        @Override
        public String toString() {
            return String.format("users query, %d moving UEs, %d requests: median %.3f ms, p90 %.3f ms, p99 %.3f ms,"
                    + " max %.3f ms, mean %.3f ms; %d bytes per answer; %d ticks ran meanwhile",
                    ues, requests, medianMs, p90Ms, p99Ms, maxMs, meanMs, bodyBytes, ticksDuring);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param ues       moving UEs, split evenly between low and high velocity
     * @param warmup    requests before measuring
     * @param requests  measured requests
     * @param timeScale clock speed while measuring (10 = ten ticks per second)
     */
    public static Result run(int ues, int warmup, int requests, double timeScale) throws IOException, InterruptedException {
        int high = (ues + 1) / 2;
        try (MecSandbox sandbox = MecSandbox.builder().sandboxName("bench").bindAddress("127.0.0.1").timeScale(timeScale)
                .ues(UeSelection.counts(0, ues - high, high)).start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.locationUrl() + "/queries/users")).GET().build();
            int bytes = 0;
            for (int i = 0; i < warmup; i++) {
                bytes = send(client, request);
            }
            long ticksBefore = sandbox.control().status().tick();
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                bytes = send(client, request);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            long ticks = sandbox.control().status().tick() - ticksBefore;
            Arrays.sort(ms);
            double mean = Arrays.stream(ms).average().orElse(Double.NaN);
            return new Result(ues, requests, percentile(ms, 50), percentile(ms, 90), percentile(ms, 99),
                    ms[ms.length - 1], mean, bytes, ticks);
        }
    }

    private static int send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("users query answered " + r.statusCode());
        }
        return r.body().length;
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** {@code java ... UsersQueryBenchmark [ues] [requests]}: prints the figures. */
    public static void main(String[] args) throws Exception {
        int ues = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        System.out.println(run(ues, Math.max(1000, requests / 5), requests, 10));
    }
}

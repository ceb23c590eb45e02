package io.mecmig.orchestrator;

import io.mecmig.sandbox.scenario.GeoPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mobility traces recorded from the embedded sandbox's engine (test fixtures under {@code traces/}): one
 * observation per 1 s tick, timed from {@link #T0} in mobility seconds (replay them with time scale 1).
 */
public final class Traces {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Traces() {
    }

    /** The trace of UE {@code address}. */
    public static List<UeObservation> monaco(String address) {
        String name = "/traces/monaco-" + address + ".csv";
        List<UeObservation> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Traces.class.getResourceAsStream(name), name), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                out.add(new UeObservation(address, T0.plusSeconds(Long.parseLong(f[0])), empty(f[1]), empty(f[2]),
                        new GeoPoint(Double.parseDouble(f[4]), Double.parseDouble(f[3])),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The tick of each observation (seconds since {@link #T0}). */
    public static long tick(UeObservation o) {
        return o.at().getEpochSecond() - T0.getEpochSecond();
    }

    private static String empty(String s) {
        return s.isEmpty() ? null : s;
    }
}

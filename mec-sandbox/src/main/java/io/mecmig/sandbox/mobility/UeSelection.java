package io.mecmig.sandbox.mobility;

import io.mecmig.sandbox.scenario.Scenario;
import io.mecmig.sandbox.scenario.ScenarioException;
import io.mecmig.sandbox.scenario.UeClass;
import io.mecmig.sandbox.scenario.UeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which UEs take part: counts per class, as the ETSI MEC Sandbox offers, or named UEs of the scenario.
 * Counts beyond the scenario's own UEs of a class add copies of them under the next addresses of the
 * class (e.g. 10.100.0.5), each starting at a different, fixed point of its path.
 */
public final class UeSelection {
    /** Highest count per class: addresses run from x.x.x.1 to x.x.x.254. */
    public static final int MAX_PER_CLASS = 254;
    private static final double GOLDEN_FRACTION = 0.6180339887498949;

    private final int stationary;
    private final int lowVelocity;
    private final int highVelocity;
    private final List<String> names;

    private UeSelection(int stationary, int lowVelocity, int highVelocity, List<String> names) {
        this.stationary = stationary;
        this.lowVelocity = lowVelocity;
        this.highVelocity = highVelocity;
        this.names = names == null ? null : List.copyOf(names);
    }

    /** Counts of stationary, low-velocity and high-velocity UEs. */
    public static UeSelection counts(int stationary, int lowVelocity, int highVelocity) {
        for (int n : new int[] {stationary, lowVelocity, highVelocity}) {
            if (n < 0 || n > MAX_PER_CLASS) {
                throw new ScenarioException("UE count " + n + " is out of range: give 0 to " + MAX_PER_CLASS + " per class");
            }
        }
        return new UeSelection(stationary, lowVelocity, highVelocity, null);
    }

    /** Named UEs of the scenario, e.g. {@code 10.100.0.1}. */
    public static UeSelection named(List<String> ids) {
        if (ids.isEmpty()) {
            throw new ScenarioException("no UE named: give at least one UE address of the scenario");
        }
        return new UeSelection(0, 0, 0, ids);
    }

    /** Every UE of the scenario. */
    public static UeSelection all() {
        return new UeSelection(-1, -1, -1, null);
    }

    /** The scenario's moving UEs (low and high velocity): the ones Table V covers. */
    public static UeSelection moving() {
        return new UeSelection(0, -1, -1, null);
    }

    /**
     * Parses {@code all}, {@code moving}, {@code stationary=N,low=N,high=N} (missing classes are 0),
     * or a comma-separated list of UE addresses.
     */
    public static UeSelection parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            return all();
        }
        if (t.equalsIgnoreCase("moving")) {
            return moving();
        }
        if (t.contains("=")) {
            int s = 0;
            int l = 0;
            int h = 0;
            for (String part : t.split(",")) {
                String[] kv = part.split("=", 2);
                int n;
                try {
                    n = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new ScenarioException("'" + part + "' has no whole number: write e.g. stationary=0,low=4,high=4");
                }
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "stationary" -> s = n;
                    case "low", "lowvelocity", "low-velocity" -> l = n;
                    case "high", "highvelocity", "high-velocity" -> h = n;
                    default -> throw new ScenarioException("unknown UE class '" + kv[0]
                            + "': use stationary, low or high, e.g. stationary=0,low=4,high=4");
                }
            }
            return counts(s, l, h);
        }
        List<String> ids = new ArrayList<>();
        for (String id : t.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return named(ids);
    }

    /** The UEs this selection picks from {@code scenario}, in a fixed order. */
    public List<UeSpec> resolve(Scenario scenario) {
        if (names != null) {
            List<UeSpec> out = new ArrayList<>();
            for (String id : names) {
                out.add(scenario.ue(id).orElseThrow(() -> new ScenarioException("UE '" + id
                        + "' is not in scenario " + scenario.name() + ": choose among "
                        + scenario.ues().stream().map(UeSpec::id).toList())));
            }
            return out;
        }
        List<UeSpec> out = new ArrayList<>();
        out.addAll(ofClass(scenario, UeClass.STATIONARY, stationary));
        out.addAll(ofClass(scenario, UeClass.LOW_VELOCITY, lowVelocity));
        out.addAll(ofClass(scenario, UeClass.HIGH_VELOCITY, highVelocity));
        return out;
    }

    private static List<UeSpec> ofClass(Scenario scenario, UeClass cls, int count) {
        List<UeSpec> own = new ArrayList<>(scenario.ues(cls));
        own.sort(java.util.Comparator.comparingInt(UeSelection::lastOctet).thenComparing(UeSpec::id));
        if (count < 0) {
            return own;
        }
        if (count > 0 && own.isEmpty()) {
            throw new ScenarioException("scenario " + scenario.name() + " has no " + cls + " UE to copy: ask for 0 of them");
        }
        List<UeSpec> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UeSpec template = own.get(i % own.size());
            int round = i / own.size();
            if (round == 0) {
                out.add(template);
                continue;
            }
            double length = template.moving() ? new PathTrack(template.path(), template.eopMode()).lengthMeters() : 0;
            double offset = ((round * GOLDEN_FRACTION) % 1.0) * length;
            out.add(template.copyAs(nextAddress(scenario, cls, out), offset));
        }
        return out;
    }

    private static int lastOctet(UeSpec ue) {
        String id = ue.id();
        try {
            return Integer.parseInt(id.substring(id.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The lowest address of the class that neither the scenario nor this selection uses yet. */
    private static String nextAddress(Scenario scenario, UeClass cls, List<UeSpec> taken) {
        for (int host = 1; host <= MAX_PER_CLASS; host++) {
            String candidate = cls.addressPrefix() + host;
            boolean used = scenario.ue(candidate).isPresent() || taken.stream().anyMatch(u -> u.id().equals(candidate));
            if (!used) {
                return candidate;
            }
        }
        throw new ScenarioException("no free address left in " + cls.addressPrefix() + "x: ask for fewer UEs");
    }

    @Override
    public String toString() {
        if (names != null) {
            return String.join(",", names);
        }
        return "stationary=" + label(stationary) + ",low=" + label(lowVelocity) + ",high=" + label(highVelocity);
    }

    private static String label(int n) {
        return n < 0 ? "all" : Integer.toString(n);
    }
}

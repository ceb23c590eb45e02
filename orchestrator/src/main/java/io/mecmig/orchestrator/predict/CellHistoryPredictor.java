package io.mecmig.orchestrator.predict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Serving-cell history: a UE that drove here before will likely do the same again. From the UE's past stays it
 * learns, per cell (and per cell it came from, which tells the direction), how long the UE stayed and which cell
 * came next; then it chains the most frequent successors with their median stay. Needs no position at all, only
 * the sequence of serving cells, so it also works with a Location API that gives no coordinates.
 */
public final class CellHistoryPredictor implements HandoverPredictor {

    private static final String NONE = "-";

    private final Duration horizon;

    /** @param horizon how far ahead to chain cells, in wall-clock time */
    public CellHistoryPredictor(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public String name() {
        return "cell-history";
    }

    /** One past stay: how long it lasted and where the UE went next. */
    private record Sample(Duration length, String next, String nextZone) {
    }

    @Override
    public Optional<Forecast> forecast(MobilityHistory history) {
        List<Stay> stays = history.stays();
        Map<String, List<Sample>> byDirection = new HashMap<>();
        Map<String, List<Sample>> byCell = new HashMap<>();
        // The first stay began before we watched, so its length is unknown; the last one is still going on.
        for (int i = 1; i + 1 < stays.size(); i++) {
            Stay s = stays.get(i);
            Stay next = stays.get(i + 1);
            Sample sample = new Sample(s.length(s.left()), key(next.accessPointId()),
                    next.zoneId());
            byDirection.computeIfAbsent(key(s.cameFrom()) + ">" + key(s.accessPointId()), k -> new ArrayList<>()).add(sample);
            byCell.computeIfAbsent(key(s.accessPointId()), k -> new ArrayList<>()).add(sample);
        }
        Stay current = history.currentStay();
        Instant now = history.latest().at();
        Duration elapsed = current.length(now);
        List<Visit> visits = new ArrayList<>();
        String cell = key(current.accessPointId());
        String zone = current.zoneId();
        String from = key(current.cameFrom());
        Duration start = Duration.ZERO;
        int basisSamples = -1;
        while (start.compareTo(horizon) < 0) {
            List<Sample> samples = byDirection.getOrDefault(from + ">" + cell, byCell.get(cell));
            if (samples == null || samples.isEmpty()) {
                break;
            }
            if (basisSamples < 0) {
                basisSamples = samples.size();
            }
            String next = mostFrequentNext(samples);
            Duration typical = median(samples, next);
            Duration end = visits.isEmpty() ? max(typical.minus(elapsed), Duration.ZERO) : start.plus(typical);
            visits.add(new Visit(unkey(cell), zone, start, end));
            String nextZone = samples.stream().filter(s -> s.next().equals(next)).findFirst().orElseThrow().nextZone();
            from = cell;
            cell = next;
            zone = nextZone;
            start = end;
        }
        if (visits.isEmpty()) {
            return Optional.empty();
        }
        visits.add(new Visit(unkey(cell), zone, start, max(start, horizon)));
        return Optional.of(new Forecast(name(), visits, max(start, horizon), String.format(
                "%d earlier stay(s) on %s; on it for %.1f s now", basisSamples, current.accessPointId(),
                elapsed.toMillis() / 1000.0)));
    }

    private static String mostFrequentNext(List<Sample> samples) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Sample s : samples) {
            int c = counts.merge(s.next(), 1, Integer::sum);
            if (best == null || c > counts.get(best)) {
                best = s.next();
            }
        }
        return best;
    }

    private static Duration median(List<Sample> samples, String next) {
        List<Duration> lengths = new ArrayList<>();
        for (Sample s : samples) {
            if (Objects.equals(s.next(), next)) {
                lengths.add(s.length());
            }
        }
        lengths.sort(null);
        return lengths.get(lengths.size() / 2);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String cell) {
        return cell == null ? NONE : cell;
    }

    private static String unkey(String cell) {
        return NONE.equals(cell) ? null : cell;
    }
}

package io.mecmig.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An experiment's output folder: {@code results.jsonl} (one {@link RunRecord} per line, appended as each run
 * ends) and {@code results.csv} (the same runs, one row each). Appending line by line is what makes an
 * interrupted experiment resumable: whatever was written is kept, and a half-written last line is ignored.
 */
public final class ResultsStore {

    public static final String JSON_LINES = "results.jsonl";
    public static final String CSV = "results.csv";

    private static final List<String> KEY_COLUMNS = List.of("id", "app", "strategy", "rate", "rate_bps", "loss_pct",
            "run", "status", "started_at", "wall_s");

    private final Path dir;

    public ResultsStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path jsonLines() {
        return dir.resolve(JSON_LINES);
    }

    public Path csv() {
        return dir.resolve(CSV);
    }

    /** Every readable line of {@code results.jsonl}, in the order written; none if the file is missing. */
    public List<RunRecord> all() {
        return read(jsonLines());
    }

    /** Reads a results file; lines that are not results (a line cut short by an interruption) are skipped. */
    public static List<RunRecord> read(Path jsonLines) {
        if (!Files.exists(jsonLines)) {
            return List.of();
        }
        List<RunRecord> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(RunRecord.fromJson(line));
                } catch (UncheckedIOException e) {
                    // An interrupted write leaves a partial last line; that run simply runs again.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonLines + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The last record of each run, by run id. */
    public Map<String, RunRecord> latest() {
        Map<String, RunRecord> byId = new LinkedHashMap<>();
        all().forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /** Ids of runs that finished (produced a migration report) and are skipped when resuming. */
    public Set<String> finishedIds() {
        return latest().values().stream().filter(r -> r.status().finished()).map(RunRecord::id)
                .collect(Collectors.toSet());
    }

    /** Appends one run to both files and forces it to disk, so that an interruption right after keeps it. */
    public synchronized void append(RunRecord record) {
        try {
            Files.createDirectories(dir);
            repairCutLine(jsonLines());
            Files.writeString(jsonLines(), record.toJson() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            boolean newCsv = !Files.exists(csv()) || Files.size(csv()) == 0;
            String rows = (newCsv ? csvHeader() + "\n" : "") + csvRow(record) + "\n";
            Files.writeString(csv(), rows, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + dir + " (" + e.getMessage()
                    + "): check that the folder is writable and the disk has room", e);
        }
    }

    /** A line cut short by a kill has no newline: end it so the next record starts on its own line. */
    private static void repairCutLine(Path file) throws IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            byte[] all = Files.readAllBytes(file);
            if (all[all.length - 1] != '\n') {
                Files.writeString(file, "\n", StandardOpenOption.APPEND);
            }
        }
    }

    static String csvHeader() {
        List<String> cols = new ArrayList<>(KEY_COLUMNS);
        cols.addAll(Figures.ALL);
        cols.add("reason");
        return String.join(",", cols);
    }

    static String csvRow(RunRecord r) {
        List<String> cells = new ArrayList<>(List.of(r.id(), r.app(), r.strategy(), r.rate(),
                Long.toString(r.rateBps()), LossLabel.of(r.lossPercent()), Integer.toString(r.run()),
                r.status().name(), String.valueOf(r.startedAt()), String.format(java.util.Locale.ROOT, "%.3f", r.wallSeconds())));
        for (String f : Figures.ALL) {
            Object v = r.figures().get(f);
            cells.add(v == null ? "" : String.valueOf(v));
        }
        cells.add(r.reason() == null ? "" : r.reason());
        return cells.stream().map(ResultsStore::escape).collect(Collectors.joining(","));
    }

    private static String escape(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"").replace("\n", " ") + "\"";
        }
        return cell;
    }
}

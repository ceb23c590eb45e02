package io.mecmig.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mecmig.core.MigrationReport;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code results.jsonl}: which run, how it ended, its figures, and the full migration report.
 *
 * @param id the run's {@link RunKey#id()}
 * @param app the app
 * @param strategy the strategy
 * @param rate the link rate as tc writes it
 * @param rateBps the link rate in bit/s
 * @param lossPercent the packet loss in percent
 * @param run the run's index in its cell, from 1
 * @param status how it ended
 * @param machine where it ran
 * @param startedAt when the run (its preparation) started, ISO-8601
 * @param wallSeconds how long the whole run took, preparation and clean-up included
 * @param reason why it was unavailable or errored; a rolled-back run's failure; else null
 * @param figures the run's figures, see {@link Figures}; empty without a report
 * @param report the migration report as written by {@link MigrationReport#toJson()}; null without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(String id, String app, String strategy, String rate, long rateBps, double lossPercent,
                        int run, RunStatus status, String machine, String startedAt, double wallSeconds,
                        String reason, Map<String, Object> figures, JsonNode report) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The key of the run this line records. */
    public RunKey key() {
        return new RunKey(new Cell(app, strategy, new io.mecmig.core.LinkProfile(rateBps, lossPercent)), run);
    }

    /** A figure as a number, if the run has it and it is numeric. */
    public Optional<Double> number(String figure) {
        Object v = figures.get(figure);
        return v instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** A figure as text, if the run has it. */
    public Optional<String> text(String figure) {
        Object v = figures.get(figure);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** The migration report, parsed again. */
    public Optional<MigrationReport> migrationReport() {
        return report == null ? Optional.empty() : Optional.of(MigrationReport.fromJson(report.toString()));
    }

    /** This record as one line of JSON. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the result of run " + id + " as JSON", e);
        }
    }

    /** Reads one line written by {@link #toJson()}. */
    public static RunRecord fromJson(String line) {
        try {
            return MAPPER.readValue(line, RunRecord.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a mecmig result line: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode tree(MigrationReport report) {
        try {
            return MAPPER.readTree(report.toJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not read back the migration report of " + report.id(), e);
        }
    }
}

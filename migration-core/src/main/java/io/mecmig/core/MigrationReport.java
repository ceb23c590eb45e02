package io.mecmig.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one migration did and cost. Immutable; written and read as JSON (durations in seconds,
 * instants in ISO-8601).
 *
 * @param id the migration's id
 * @param app the app's container name
 * @param strategy the strategy's name
 * @param source the source host's name
 * @param target the target host's name
 * @param link the link as configured for the run
 * @param started when pre-relocation started
 * @param preRelocation phase 1
 * @param relocation phase 2; null if the migration failed before it
 * @param downtime both downtime measures; null if relocation did not reach the stop
 * @param measures figures recorded by steps, by {@link Measures} key
 * @param stateCheck the state comparison; null if relocation did not get that far
 * @param viability Table IV's metric; null if relocation did not get that far
 * @param outcome how it ended
 * @param failure the failure's message, or null
 * @param rollback what rollback did, or null
 * @param notes remarks from steps
 * @param warnings warnings raised before or during the run (a strategy that does not suit the app, a
 *     listener that threw)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationReport(
        String id,
        String app,
        String strategy,
        String source,
        String target,
        LinkProfile link,
        Instant started,
        PhaseReport preRelocation,
        PhaseReport relocation,
        Downtime downtime,
        Map<String, Double> measures,
        StateCheck stateCheck,
        Viability viability,
        Outcome outcome,
        String failure,
        RollbackReport rollback,
        List<String> notes,
        List<String> warnings) {

    /**
     * Copies the collections, so that the record stays immutable.
     *
     * @param id the migration's id
     * @param app the app's container name
     * @param strategy the strategy's name
     * @param source the source host's name
     * @param target the target host's name
     * @param link the link as configured for the run
     * @param started when pre-relocation started
     * @param preRelocation phase 1
     * @param relocation phase 2; null if the migration failed before it
     * @param downtime both downtime measures; null if relocation did not reach the stop
     * @param measures figures recorded by steps, by {@link Measures} key
     * @param stateCheck the state comparison; null if relocation did not get that far
     * @param viability Table IV's metric; null if relocation did not get that far
     * @param outcome how it ended
     * @param failure the failure's message, or null
     * @param rollback what rollback did, or null
     * @param notes remarks from steps
     * @param warnings warnings raised before or during the run (a strategy that does not suit the app, a
     *     listener that threw)
     */
    public MigrationReport {
        measures = Map.copyOf(measures);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /**
     * Bytes sent across the link in both phases.
     *
     * @return the bytes
     */
    public long linkBytes() {
        return (preRelocation == null ? 0 : preRelocation.linkBytes())
                + (relocation == null ? 0 : relocation.linkBytes());
    }

    /**
     * The report as one line of JSON, the form the experiment runner appends to its results.
     *
     * @return the JSON
     */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the migration report as JSON", e);
        }
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @param json one report as {@link #toJson()} wrote it
     * @return the report
     * @throws java.io.UncheckedIOException when the text is not such a report
     */
    public static MigrationReport fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, MigrationReport.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a mecmig migration report: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The step table, downtime, sizes and state check as plain text for a terminal.
     *
     * @return the text, several lines
     */
    public String toText() {
        return ReportText.render(this);
    }
}

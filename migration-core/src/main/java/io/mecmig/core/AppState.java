package io.mecmig.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An app's state as it reported it (its {@code /state} JSON), read on one host at one moment.
 *
 * @param json the document as the app answered it
 */
public record AppState(String json) {

    /**
     * Keeps the document as it was read.
     *
     * @param json the document as the app answered it
     */
    public AppState {
        Objects.requireNonNull(json, "json");
    }

    /**
     * The document parsed; a malformed answer is reported as such.
     *
     * @return the parsed document
     * @throws java.io.UncheckedIOException when the answer is not JSON
     */
    public JsonNode tree() {
        try {
            return Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("the app's state is not valid JSON: " + json, e);
        }
    }
}

package io.mecmig.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The paper's own figures (REFERENCE), shipped in {@code paper-reference.json} beside this class, to put ours
 * beside. Values are read by path; a path the file lacks is empty.
 */
final class PaperReference {

    private final JsonNode root;

    private PaperReference(JsonNode root) {
        this.root = root;
    }

    static PaperReference load() {
        try (InputStream in = PaperReference.class.getResourceAsStream("paper-reference.json")) {
            if (in == null) {
                throw new IllegalStateException("paper-reference.json is missing from the report module's jar: rebuild it");
            }
            return new PaperReference(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper's reference figures", e);
        }
    }

    /** Where the paper's figures came from. */
    String source() {
        return root.path("source").asText();
    }

    /** The node at {@code path} (field names), or a missing node. */
    JsonNode at(String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    Optional<Double> number(String... path) {
        JsonNode n = at(path);
        return n.isNumber() ? Optional.of(n.asDouble()) : Optional.empty();
    }

    /** The value as the paper states it: a number, or a bound such as {@code < 4}. */
    String text(String... path) {
        JsonNode n = at(path);
        return n.isMissingNode() || n.isNull() ? "—" : n.isNumber() ? trim(n.asDouble()) : n.asText();
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

package io.mecmig.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link StateProbe} over an app's JSON state endpoint, judged by simple rules on its fields:
 * a counter that must not go back, a collection whose entries must all still be there, a value that must
 * not change (for example the process start time, which proves a restore did not start from scratch).
 */
public final class JsonStateProbe implements StateProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String path;
    private final List<Rule> rules;

    private JsonStateProbe(String path, List<Rule> rules) {
        this.path = path;
        this.rules = List.copyOf(rules);
    }

    static Builder builder(String path) {
        return new Builder(path);
    }

    @Override
    public Optional<AppState> read(ServiceAddress address) {
        HttpRequest request = HttpRequest.newBuilder(address.http(path)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(new AppState(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public StateVerdict compare(AppState before, AppState after) {
        JsonNode old = before.tree();
        JsonNode now = after.tree();
        List<String> broken = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (Rule rule : rules) {
            Optional<String> problem = rule.check(old, now);
            if (problem.isPresent()) {
                broken.add(problem.get());
            } else {
                held.add(rule.describe(old, now));
            }
        }
        return broken.isEmpty()
                ? StateVerdict.kept(String.join("; ", held))
                : StateVerdict.lost(String.join("; ", broken));
    }

    @Override
    public Optional<String> untelling(AppState before) {
        List<String> blind = new ArrayList<>();
        for (Rule rule : rules) {
            rule.untelling(before.tree()).ifPresent(blind::add);
        }
        return blind.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", blind));
    }

    /** One rule over the before and after documents. */
    private interface Rule {
        Optional<String> check(JsonNode before, JsonNode after);

        String describe(JsonNode before, JsonNode after);

        /** Why no loss of state could break this rule, given the state before the move; empty when one could. */
        Optional<String> untelling(JsonNode before);
    }

    private record NonDecreasing(String field) implements Rule {
        @Override
        public Optional<String> check(JsonNode before, JsonNode after) {
            if (!after.path(field).isNumber()) {
                return Optional.of(field + " is missing after the move");
            }
            long was = before.path(field).asLong();
            long is = after.path(field).asLong();
            return is >= was ? Optional.empty() : Optional.of(field + " went back from " + was + " to " + is);
        }

        @Override
        public String describe(JsonNode before, JsonNode after) {
            return field + " " + before.path(field).asLong() + " -> " + after.path(field).asLong();
        }

        @Override
        public Optional<String> untelling(JsonNode before) {
            return before.path(field).asLong() > 0 ? Optional.empty()
                    : Optional.of(field + " was " + before.path(field).asLong() + ", so a reset would not show");
        }
    }

    private record ContainsAll(String field) implements Rule {
        @Override
        public Optional<String> check(JsonNode before, JsonNode after) {
            Set<String> missing = entries(before.path(field));
            missing.removeAll(entries(after.path(field)));
            return missing.isEmpty()
                    ? Optional.empty()
                    : Optional.of(missing.size() + " of " + entries(before.path(field)).size() + " " + field
                            + " entries lost, for example " + missing.iterator().next());
        }

        @Override
        public String describe(JsonNode before, JsonNode after) {
            return "all " + entries(before.path(field)).size() + " " + field + " entries present";
        }

        @Override
        public Optional<String> untelling(JsonNode before) {
            return entries(before.path(field)).isEmpty()
                    ? Optional.of(field + " was empty, so a loss would not show") : Optional.empty();
        }

        private static Set<String> entries(JsonNode node) {
            Set<String> keys = new HashSet<>();
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(keys::add);
            } else if (node.isArray()) {
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                    keys.add(it.next().toString());
                }
            }
            return keys;
        }
    }

    private record Unchanged(String field) implements Rule {
        @Override
        public Optional<String> check(JsonNode before, JsonNode after) {
            return before.path(field).equals(after.path(field))
                    ? Optional.empty()
                    : Optional.of(field + " changed from " + before.path(field) + " to " + after.path(field));
        }

        @Override
        public String describe(JsonNode before, JsonNode after) {
            return field + " unchanged";
        }

        @Override
        public Optional<String> untelling(JsonNode before) {
            JsonNode value = before.path(field);
            return value.isMissingNode() || value.isNull()
                    ? Optional.of(field + " was not set, so a loss would not show") : Optional.empty();
        }
    }

    /** Collects the rules; a probe with no rule accepts any answer. */
    public static final class Builder {
        private final String path;
        private final List<Rule> rules = new ArrayList<>();

        private Builder(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new InvalidMigrationException("state path '" + path + "' must start with '/', e.g. /state");
            }
            this.path = path;
        }

        /**
         * The numeric {@code field} must not be lower after the move (a counter that must continue).
         *
         * @param field a top-level field of the state document
         * @return this builder
         */
        public Builder nonDecreasing(String field) {
            rules.add(new NonDecreasing(field));
            return this;
        }

        /**
         * Every key (object) or element (array) of {@code field} must still be there after the move.
         *
         * @param field a top-level field of the state document
         * @return this builder
         */
        public Builder containsAll(String field) {
            rules.add(new ContainsAll(field));
            return this;
        }

        /**
         * {@code field} must be equal before and after, for example a process start time.
         *
         * @param field a top-level field of the state document
         * @return this builder
         */
        public Builder unchanged(String field) {
            rules.add(new Unchanged(field));
            return this;
        }

        /**
         * The probe with the rules added so far.
         *
         * @return the probe
         */
        public JsonStateProbe build() {
            return new JsonStateProbe(path, rules);
        }
    }
}

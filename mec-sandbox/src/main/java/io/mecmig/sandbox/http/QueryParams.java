package io.mecmig.sandbox.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Query parameters checked against the ones an endpoint knows; values may repeat or be comma-separated. */
final class QueryParams {
    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The request's parameters, or 400 naming the first unknown one and the known ones. */
    static QueryParams of(Context ctx, Set<String> known) {
        Map<String, List<String>> p = ctx.queryParamMap();
        for (String name : p.keySet()) {
            if (!known.contains(name)) {
                throw ApiProblem.badRequest("unknown query parameter '" + name + "': this endpoint accepts "
                        + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
        return new QueryParams(p);
    }

    /** All values of {@code name}, comma lists split; empty when absent. */
    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    /** The one value of {@code name}, or null when absent. */
    String single(String name) {
        List<String> v = all(name);
        if (v.size() > 1) {
            throw ApiProblem.badRequest("query parameter '" + name + "' takes one value, got " + v.size());
        }
        return v.isEmpty() ? null : v.get(0);
    }

    /** A number parameter, or 400 when it is not one. */
    Double number(String name) {
        String v = single(name);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be a number, got '" + v + "'");
        }
    }
}

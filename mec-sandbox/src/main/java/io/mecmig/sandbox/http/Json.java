package io.mecmig.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.mecmig.sandbox.scenario.GeoPoint;
import java.time.Instant;

/** JSON building blocks shared by the APIs: the mapper, timestamps, locations, reading and writing bodies. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String APPLICATION_JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** ETSI TimeStamp: {@code {"seconds": ..., "nanoSeconds": ...}} of the wall clock. */
    static ObjectNode timestamp(Instant now) {
        ObjectNode t = object();
        t.put("seconds", now.getEpochSecond());
        t.put("nanoSeconds", now.getNano());
        return t;
    }

    /** MEC 013 LocationInfo of a point: shape 2 (POINT), single latitude/longitude arrays. */
    static ObjectNode locationInfo(GeoPoint p) {
        ObjectNode l = object();
        l.putArray("latitude").add((float) p.latitude());
        l.putArray("longitude").add((float) p.longitude());
        l.put("shape", 2);
        return l;
    }

    static void write(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType(APPLICATION_JSON).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response", e);
        }
    }

    /** The request body as an object, or 400 naming what is wrong with it. */
    static ObjectNode readObject(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiProblem.badRequest("the request has no body: send a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiProblem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiProblem.badRequest("the body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}

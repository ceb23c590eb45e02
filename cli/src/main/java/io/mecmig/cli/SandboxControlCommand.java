package io.mecmig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mecmig sandbox control}: drives a running sandbox through its control API, as a user of the ETSI
 * MEC Sandbox does from its web page: status, start, pause, reset, step, time scale, UE choice.
 */
@Command(name = "control", mixinStandardHelpOptions = true,
        description = {"Drive a running sandbox (./mecmig sandbox serve) through its control API.",
            "Actions: status | start | pause | reset | step [TICKS] | time-scale N | ues [stationary=N,low=N,high=N | a,b,c]"})
final class SandboxControlCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8085",
            description = "the sandbox's base URL as serve prints it, with its name if it has one, e.g. http://127.0.0.1:8085/sbx (default ${DEFAULT-VALUE})")
    String url;

    @Parameters(index = "0", paramLabel = "ACTION", description = "status, start, pause, reset, step, time-scale or ues")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARG", description = "ticks for step (default 1), N for time-scale, the UEs for ues")
    String argument;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws InterruptedException {
        String control = url.replaceAll("/+$", "") + "/control/v1";
        JsonNode answer = switch (action.toLowerCase(Locale.ROOT)) {
            case "status" -> send("GET", control + "/status", null);
            case "start", "pause", "reset" -> send("POST", control + "/" + action.toLowerCase(Locale.ROOT), null);
            case "step" -> send("POST", control + "/step?ticks=" + (argument == null ? "1" : argument.trim()), null);
            case "time-scale" -> send("PUT", control + "/time-scale", timeScaleBody());
            case "ues" -> argument == null ? send("GET", control + "/ues", null) : send("PUT", control + "/ues", uesBody(argument));
            default -> throw new IllegalArgumentException("unknown action '" + action
                    + "': use status, start, pause, reset, step [TICKS], time-scale N or ues [SELECTION]");
        };
        print(spec.commandLine().getOut(), answer);
        return 0;
    }

    private ObjectNode timeScaleBody() {
        if (argument == null) {
            throw new IllegalArgumentException("time-scale needs a number: e.g. time-scale 10 (scenario seconds per real second)");
        }
        try {
            return MAPPER.createObjectNode().put("timeScale", Double.parseDouble(argument.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time-scale '" + argument + "' is not a number: e.g. time-scale 10");
        }
    }

    /** {@code stationary=N,low=N,high=N} (missing classes are 0) or UE addresses {@code a,b,c}, as serve --ues takes them. */
    static ObjectNode uesBody(String text) {
        ObjectNode body = MAPPER.createObjectNode();
        if (!text.contains("=")) {
            var names = body.putArray("names");
            for (String id : text.split(",")) {
                if (!id.isBlank()) {
                    names.add(id.trim());
                }
            }
            return body;
        }
        body.put("stationary", 0).put("lowVelocity", 0).put("highVelocity", 0);
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            String field = switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "stationary" -> "stationary";
                case "low", "lowvelocity", "low-velocity" -> "lowVelocity";
                case "high", "highvelocity", "high-velocity" -> "highVelocity";
                default -> throw new IllegalArgumentException("unknown UE class '" + kv[0].trim()
                        + "': use stationary, low or high, e.g. ues stationary=0,low=4,high=4");
            };
            try {
                body.put(field, Integer.parseInt(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "' has no whole number: write e.g. ues stationary=0,low=4,high=4");
            }
        }
        return body;
    }

    private JsonNode send(String method, String target, ObjectNode body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("no sandbox answers at " + url
                    + ": start one with ./mecmig sandbox serve, or give its base URL with --url", e);
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox at " + url + " could not be reached: " + e, e);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(target + " answered " + response.statusCode() + " without JSON: is --url "
                    + url + " a mecmig sandbox? Give the base URL serve printed, e.g. http://127.0.0.1:8085/sbx", e);
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(target + " answered " + response.statusCode() + ": "
                    + json.path("detail").asText(response.body()));
        }
        return json;
    }

    private static void print(PrintWriter out, JsonNode s) {
        out.printf(Locale.ROOT, "tick %d (%.1f s of scenario time), %s, time scale %s, %d UEs (%d connected: %s)%n",
                s.path("tick").asLong(), s.path("scenarioSeconds").asDouble(),
                s.path("running").asBoolean() ? "running" : "paused", s.path("timeScale").asText(),
                s.path("ues").asInt(), s.path("connectedUes").asInt(), s.path("selection").asText());
        if (s.has("poaChanges")) {
            out.printf("%d changes of point of access%n", s.get("poaChanges").size());
            for (JsonNode c : s.get("poaChanges")) {
                out.printf("  tick %-6d %-12s %s -> %s%n", c.path("tick").asLong(), c.path("address").asText(),
                        c.path("previousAccessPointId").asText("none"), c.path("currentAccessPointId").asText("none"));
            }
        }
        if (s.has("ue")) {
            out.printf("  %-12s %-14s %-20s %-8s %11s %11s %6s%n", "address", "class", "access point", "zone",
                    "latitude", "longitude", "m/s");
            for (JsonNode u : s.get("ue")) {
                out.printf(Locale.ROOT, "  %-12s %-14s %-20s %-8s %11.6f %11.6f %6.1f%n", u.path("address").asText(),
                        u.path("class").asText(), u.path("accessPointId").asText("-"), u.path("zoneId").asText("-"),
                        u.path("latitude").asDouble(), u.path("longitude").asDouble(), u.path("speedMps").asDouble());
            }
        }
        out.flush();
    }
}

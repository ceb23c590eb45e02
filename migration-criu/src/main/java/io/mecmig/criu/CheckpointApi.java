package io.mecmig.criu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.mecmig.docker.DockerHost;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Engine API calls docker-java lacks, made through its own {@link DockerHttpClient}: {@code POST
 * /containers/{id}/checkpoints} (docker checkpoint create), {@code POST /containers/{id}/start?checkpoint=}
 * (docker start --checkpoint), and {@code GET /info} for the daemon's data root, where Docker keeps a
 * container's checkpoints ({@code <root>/containers/<id>/checkpoints/<name>}).
 */
public final class CheckpointApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The API version of Docker 20.10, the paper's line; checkpoints need experimental mode. */
    private static final String VERSION = "/v1.41";

    private final String hostName;
    private final DockerHttpClient http;

    private CheckpointApi(String hostName, DockerHttpClient http) {
        this.hostName = hostName;
        this.http = http;
    }

    /** A client of {@code host}'s dockerd; close it when done. */
    public static CheckpointApi of(DockerHost host) {
        return new CheckpointApi(host.name(), host.endpoint().httpClient());
    }

    /**
     * {@code docker checkpoint create [--leave-running]}: CRIU dumps the container into Docker's checkpoint
     * folder {@code name}. With {@code exit} the container stops after the dump (FullSP's relocation).
     */
    public void create(String container, String name, boolean exit) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("CheckpointID", name, "Exit", exit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        call(DockerHttpClient.Request.Method.POST, "/containers/" + encode(container) + "/checkpoints", body,
                "docker checkpoint create " + (exit ? "" : "--leave-running ") + container + " " + name);
    }

    /** {@code docker start --checkpoint name}: CRIU restores the container from its checkpoint folder. */
    public void startFrom(String container, String name) {
        call(DockerHttpClient.Request.Method.POST, "/containers/" + encode(container) + "/start?checkpoint=" + encode(name),
                null, "docker start --checkpoint " + name + " " + container);
    }

    /** The daemon's data root (docker info: Docker Root Dir). */
    public String dataRoot() {
        String body = call(DockerHttpClient.Request.Method.GET, "/info", null, "docker info");
        try {
            JsonNode root = JSON.readTree(body).path("DockerRootDir");
            if (root.isMissingNode() || root.asText().isBlank()) {
                throw new CheckpointException("dockerd on " + hostName + " reported no DockerRootDir in /info");
            }
            return root.asText();
        } catch (IOException e) {
            throw new CheckpointException("dockerd on " + hostName + " sent unreadable /info: " + e.getMessage(), e);
        }
    }

    /** Whether the daemon runs in experimental mode, which checkpoint and restore need. */
    public boolean experimental() {
        String body = call(DockerHttpClient.Request.Method.GET, "/version", null, "docker version");
        try {
            return JSON.readTree(body).path("Experimental").asBoolean(false)
                    || JSON.readTree(call(DockerHttpClient.Request.Method.GET, "/info", null, "docker info"))
                    .path("ExperimentalBuild").asBoolean(false);
        } catch (IOException e) {
            throw new CheckpointException("dockerd on " + hostName + " sent an unreadable answer: " + e.getMessage(), e);
        }
    }

    private String call(DockerHttpClient.Request.Method method, String path, String body, String what) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method).path(VERSION + path);
        if (body != null) {
            request.putHeader("Content-Type", "application/json")
                    .body(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
        try (DockerHttpClient.Response response = http.execute(request.build());
             InputStream in = response.getBody()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                throw new CheckpointException("`" + what + "` on " + hostName + " failed (HTTP " + status + "): "
                        + message(answer) + hint(answer));
            }
            return answer;
        } catch (IOException e) {
            throw new CheckpointException("`" + what + "` on " + hostName + ": lost the Engine API: " + e.getMessage(), e);
        }
    }

    private static String message(String answer) {
        try {
            JsonNode m = JSON.readTree(answer).path("message");
            return m.isMissingNode() ? answer.strip() : m.asText();
        } catch (IOException e) {
            return answer.strip();
        }
    }

    /** What to do about a failed call, told from the Engine's answer; a failure of CRIU itself points to its log. */
    static String hint(String answer) {
        if (answer.contains("experimental")) {
            return " (start dockerd with {\"experimental\": true} in its daemon.json: ./mecmig setup does)";
        }
        if (!answer.contains("criu")) {
            return "";
        }
        if (answer.contains("executable file not found") || answer.contains("criu: not found")) {
            return " (CRIU is not on dockerd's PATH: ./mecmig setup installs CRIU 4.2 or newer)";
        }
        if (answer.contains("vDSO") || answer.contains("Can't get 1:16 opt")) {
            return " (this CRIU is too old for the kernel: ./mecmig setup installs CRIU 4.2 or newer)";
        }
        if (answer.contains("--tcp-established")) {
            return " (add tcp-established to /etc/criu/runc.conf: ./mecmig setup does)";
        }
        return " (CRIU's log named above says why; a process that exits or is killed while CRIU dumps it fails the dump too)";
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }
}

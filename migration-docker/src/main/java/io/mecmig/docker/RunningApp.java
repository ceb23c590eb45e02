package io.mecmig.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What the stop of a container needs to know about it, read from one {@code GET /containers/{id}/json}: its
 * process, whether it runs, its restart policy and its stop signal ({@code Config.StopSignal}, which docker-java's
 * inspect record does not map; so the raw answer serves all four instead of two inspect calls).
 *
 * @param pid the container's main process id on its host, 0 when it has none
 * @param running whether Docker reports the container as running
 * @param restartPolicy the restart policy's name, empty for none
 * @param stopSignal the stop signal as the image or {@code --stop-signal} set it, empty for Docker's default SIGTERM
 */
public record RunningApp(long pid, boolean running, String restartPolicy, String stopSignal) {

    /** Reads the fields from Docker's container inspect JSON; absent fields give 0, false or empty. */
    public static RunningApp of(JsonNode inspect) {
        JsonNode state = inspect.path("State");
        return new RunningApp(state.path("Pid").asLong(0), state.path("Running").asBoolean(false),
                inspect.path("HostConfig").path("RestartPolicy").path("Name").asText(""),
                inspect.path("Config").path("StopSignal").asText(""));
    }

    /** Whether the container runs a process the host can signal. */
    public boolean hasProcess() {
        return running && pid > 0;
    }

    /**
     * The signal the host sends the app at the stop, without its {@code SIG} prefix: the stop signal (TERM by
     * default), or empty when the container has a restart policy. dockerd would take a process that dies before it
     * has marked the container as stopping for a crash, and restart it; such a container is left to
     * {@code docker stop} alone.
     */
    public String hostSignal() {
        if (!restartPolicy.isEmpty() && !restartPolicy.equals("no")) {
            return "";
        }
        if (stopSignal.isBlank()) {
            return "TERM";
        }
        String name = stopSignal.strip().toUpperCase(Locale.ROOT);
        return name.startsWith("SIG") ? name.substring(3) : name;
    }
}

package io.mecmig.testbed.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code "experimental": true} in the host dockerd's {@code daemon.json} (Docker 20.10 only offers
 * checkpoint and restore with it). Other settings in the file are kept as they are.
 */
public final class DockerConfigStep implements SetupStep {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SetupPaths paths;

    public DockerConfigStep(SetupPaths paths) {
        this.paths = paths;
    }

    @Override
    public String title() {
        return "experimental Docker features in " + paths.dockerConfig();
    }

    @Override
    public boolean isDone() {
        return read().path("experimental").asBoolean(false);
    }

    @Override
    public String apply() {
        ObjectNode config = read();
        config.put("experimental", true);
        try {
            Files.createDirectories(paths.dockerConfig().getParent());
            Files.writeString(paths.dockerConfig(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n");
        } catch (IOException e) {
            throw new SetupException("cannot write " + paths.dockerConfig() + ": " + e.getMessage());
        }
        return "set \"experimental\": true (a dockerd already running must be restarted to see it)";
    }

    @Override
    public String verify() {
        if (!isDone()) {
            throw new SetupException(paths.dockerConfig() + " does not say \"experimental\": true; add it by hand");
        }
        return "\"experimental\": true";
    }

    private ObjectNode read() {
        Path file = paths.dockerConfig();
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            String text = Files.readString(file);
            JsonNode node = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            if (!(node instanceof ObjectNode object)) {
                throw new SetupException(file + " is not a JSON object: fix it or remove it, then run setup again");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new SetupException(file + " is not valid JSON (" + e.getOriginalMessage()
                    + "): fix it or remove it, then run setup again");
        } catch (IOException e) {
            throw new SetupException("cannot read " + file + ": " + e.getMessage());
        }
    }
}

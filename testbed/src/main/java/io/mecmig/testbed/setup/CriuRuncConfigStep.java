package io.mecmig.testbed.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code tcp-established} in {@code /etc/criu/runc.conf}: runc passes that file to CRIU, and without
 * the option a container holding an open TCP connection cannot be checkpointed.
 */
public final class CriuRuncConfigStep implements SetupStep {

    static final String OPTION = "tcp-established";

    private final SetupPaths paths;

    public CriuRuncConfigStep(SetupPaths paths) {
        this.paths = paths;
    }

    private Path file() {
        return paths.criuConfigDir().resolve("runc.conf");
    }

    @Override
    public String title() {
        return OPTION + " in " + file();
    }

    @Override
    public boolean isDone() {
        return hasOption();
    }

    @Override
    public String apply() {
        try {
            Files.createDirectories(file().getParent());
            String existing = Files.exists(file()) ? Files.readString(file()) : "";
            String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            Files.writeString(file(), existing + separator + OPTION + "\n");
        } catch (IOException e) {
            throw new SetupException("cannot write " + file() + ": " + e.getMessage());
        }
        return "added " + OPTION;
    }

    @Override
    public String verify() {
        if (!hasOption()) {
            throw new SetupException(file() + " lacks a '" + OPTION + "' line: add it by hand");
        }
        return file() + " has " + OPTION;
    }

    private boolean hasOption() {
        try {
            return Files.exists(file()) && Files.readAllLines(file()).stream().map(String::strip).anyMatch(OPTION::equals);
        } catch (IOException e) {
            return false;
        }
    }
}

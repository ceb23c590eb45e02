package io.mecmig.testbed.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRIU options runc passes from {@code /etc/criu/runc.conf} on every checkpoint and restore:
 * <ul>
 *   <li>{@code tcp-established}: a container holding an open TCP connection can be checkpointed at all;</li>
 *   <li>{@code skip-in-flight}: a dump does not fail while a client connection waits to be accepted
 *       (the UE-side probe makes exactly that happen);</li>
 *   <li>{@code tcp-close}: the restored container has another IP address, so its outside connections
 *       cannot be bound back; they come back closed and clients reconnect, memory state is all kept.</li>
 * </ul>
 */
public final class CriuRuncConfigStep implements SetupStep {

    static final List<String> OPTIONS = List.of("tcp-established", "skip-in-flight", "tcp-close");

    private final SetupPaths paths;

    public CriuRuncConfigStep(SetupPaths paths) {
        this.paths = paths;
    }

    private Path file() {
        return paths.criuConfigDir().resolve("runc.conf");
    }

    @Override
    public String title() {
        return String.join(", ", OPTIONS) + " in " + file();
    }

    @Override
    public boolean isDone() {
        return missing().isEmpty();
    }

    @Override
    public String apply() {
        List<String> missing = missing();
        try {
            Files.createDirectories(file().getParent());
            String existing = Files.exists(file()) ? Files.readString(file()) : "";
            String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            Files.writeString(file(), existing + separator + String.join("\n", missing) + "\n");
        } catch (IOException e) {
            throw new SetupException("cannot write " + file() + ": " + e.getMessage());
        }
        return "added " + String.join(", ", missing);
    }

    @Override
    public String verify() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new SetupException(file() + " lacks " + String.join(", ", missing) + ": add one per line by hand");
        }
        return file() + " has " + String.join(", ", OPTIONS);
    }

    private List<String> missing() {
        List<String> missing = new ArrayList<>(OPTIONS);
        try {
            if (Files.exists(file())) {
                Files.readAllLines(file()).stream().map(String::strip).forEach(missing::remove);
            }
        } catch (IOException e) {
            return OPTIONS;
        }
        return missing;
    }
}

package io.mecmig.apps.uspa;

import io.mecmig.apps.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code state.json} on USPA's volume: {@code {"counter": n, "zone": "zoneX"}}, replaced atomically at every
 * change so that a copy of the volume taken at any moment holds a whole state.
 */
public final class StateFile {

    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    private final Path file;

    /** The state file {@code state.json} in {@code dataDir}. */
    public StateFile(Path dataDir) {
        this.file = dataDir.resolve("state.json");
    }

    /** Its path. */
    public Path path() {
        return file;
    }

    /**
     * The saved state, if any. A file that does not parse is kept aside (never deleted) as
     * {@code state.json.unreadable} and the app starts from zero, saying so.
     */
    public Optional<ZoneCount> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), ZoneCount.class));
        } catch (IOException e) {
            Path aside = file.resolveSibling("state.json.unreadable");
            LOG.error("USPA state file {} is unreadable ({}); kept it as {} and starting from counter 0", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("cannot keep the unreadable state file " + file + " aside: fix or remove it", moveFailed);
            }
            return Optional.empty();
        }
    }

    /** Replaces the saved state (write to a temporary file, then rename over the old one). */
    public void save(ZoneCount state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("state.json.tmp");
            Json.mapper().writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write USPA state to " + file + ": is the volume mounted and writable?", e);
        }
    }
}

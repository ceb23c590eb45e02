package io.mecmig.apps.uspa;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.mecmig.apps.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
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
            return Optional.of(read(file));
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

    /**
     * Reads {@code {"counter": n, "zone": "zoneX"}} with Jackson's streaming parser: Jackson's object mapper and the
     * record's deserializer took 0.29 s of a fresh JVM, paid at every start of a moved USPA before its first answer.
     */
    private static ZoneCount read(Path file) throws IOException {
        Long counter = null;
        String zone = null;
        try (JsonParser json = Json.factory().createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(json, "expected a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "counter" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new JsonParseException(json, "counter must be a whole number");
                        }
                        counter = json.getLongValue();
                    }
                    case "zone" -> zone = value == JsonToken.VALUE_NULL ? null : json.getValueAsString();
                    default -> json.skipChildren(); // a field a later version added
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(json, "the object does not end");
            }
        }
        if (counter == null) {
            throw new IOException("no counter in it");
        }
        return new ZoneCount(counter, zone);
    }

    /** Replaces the saved state (write to a temporary file, then rename over the old one). */
    public void save(ZoneCount state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("state.json.tmp");
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("counter", state.counter());
            fields.put("zone", state.zone());
            Files.writeString(tmp, Json.flat(fields));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write USPA state to " + file + ": is the volume mounted and writable?", e);
        }
    }
}

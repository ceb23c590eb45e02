package io.mecmig.testbed.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of {@code /etc/os-release} that setup needs.
 *
 * @param id         e.g. {@code debian}, {@code ubuntu}
 * @param idLike     the families it belongs to, e.g. {@code [debian]}
 * @param codename   e.g. {@code bookworm}
 * @param prettyName e.g. {@code Debian GNU/Linux 12 (bookworm)}
 */
public record OsRelease(String id, List<String> idLike, String codename, String prettyName) {

    /** Parses the KEY=value lines of an os-release file (values may be quoted). */
    public static OsRelease parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) {
                continue;
            }
            fields.put(line.substring(0, eq), unquote(line.substring(eq + 1).strip()));
        }
        String likes = fields.getOrDefault("ID_LIKE", "");
        return new OsRelease(fields.getOrDefault("ID", ""),
                likes.isBlank() ? List.of() : Arrays.asList(likes.split("\\s+")),
                fields.getOrDefault("VERSION_CODENAME", ""),
                fields.getOrDefault("PRETTY_NAME", fields.getOrDefault("ID", "unknown")));
    }

    /** Reads and parses an os-release file. */
    public static OsRelease read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new SetupException("cannot read " + file + " to tell which Linux this is: " + e.getMessage()
                    + "; mecmig setup supports Debian and Ubuntu");
        }
    }

    /** True for Debian and its derivatives (Ubuntu, ...). */
    public boolean isDebianLike() {
        return id.equals("debian") || idLike.contains("debian");
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}

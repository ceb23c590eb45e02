package io.mecmig.docker;

import io.mecmig.core.InvalidMigrationException;
import java.util.regex.Pattern;

/** Checks paths given for a host (work folders, key files) before they reach a command. */
public final class HostPaths {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern PARENT = Pattern.compile("(^|/)\\.\\.(/|$)");

    private HostPaths() {
    }

    /**
     * Returns {@code path} when it is absolute, has no {@code ..} segment and no control characters.
     *
     * @param what what the path is for, used in the message
     * @throws InvalidMigrationException naming the problem and an example of a valid path
     */
    public static String requireAbsolute(String what, String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidMigrationException("no " + what + " given: set it to an absolute path such as"
                    + " /var/lib/mecmig/work");
        }
        if (!path.startsWith("/") || PARENT.matcher(path).find() || CONTROL.matcher(path).find() || path.length() > 4096) {
            throw new InvalidMigrationException("invalid " + what + " '" + path + "': use an absolute path without"
                    + " '..' segments or control characters, such as /var/lib/mecmig/work");
        }
        return path;
    }
}

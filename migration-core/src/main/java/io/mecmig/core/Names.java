package io.mecmig.core;

import java.util.regex.Pattern;

/**
 * Validates names that end up in commands (containers, volumes, images, checkpoints) before anything runs,
 * so that no name can carry shell syntax or a path into a host.
 */
public final class Names {

    // Docker's own rule for container and volume names.
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    private Names() {
    }

    /**
     * Returns {@code value} when it is a valid Docker object name.
     *
     * @param kind what the name is for, used in the message ("container", "volume", ...)
     * @throws InvalidMigrationException naming the rule when it is not
     */
    public static String requireObjectName(String kind, String value) {
        if (value == null || !OBJECT_NAME.matcher(value).matches()) {
            throw new InvalidMigrationException("invalid " + kind + " name '" + value + "': use 1 to 128 of"
                    + " letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        return value;
    }
}

package io.mecmig.core;

import java.util.regex.Pattern;

/**
 * Validates names that end up in commands (containers, volumes, images, checkpoints) before anything runs,
 * so that no name can carry shell syntax or a path into a host.
 */
public final class Names {

    // Docker's own rule for container and volume names.
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    // A DNS name (RFC 1123 labels) or a dotted IPv4 address; IPv6 literals are checked apart.
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private Names() {
    }

    /**
     * Returns {@code value} when it is a valid Docker object name.
     *
     * @param value the name
     * @param kind what the name is for, used in the message ("container", "volume", ...)
     * @return {@code value}
     * @throws InvalidMigrationException naming the rule when it is not
     */
    public static String requireObjectName(String kind, String value) {
        if (value == null || !OBJECT_NAME.matcher(value).matches()) {
            throw new InvalidMigrationException("invalid " + kind + " name '" + value + "': use 1 to 128 of"
                    + " letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        return value;
    }

    /**
     * Returns {@code value} when it is a host address a command may carry: a DNS name, a dotted IPv4
     * address or an IPv6 literal (bare or in brackets).
     *
     * @param value the address
     * @param what what the address is for, used in the message ("source host's SSH address", ...)
     * @return {@code value}
     * @throws InvalidMigrationException naming the problem and an example of a valid address
     */
    public static String requireHostAddress(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidMigrationException("no " + what + " given: set it to the host's name or IP address,"
                    + " for example 10.77.0.2 or mec2.example.org");
        }
        String bare = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        boolean valid = bare.contains(":") ? IPV6.matcher(bare).matches() && bare.chars().filter(c -> c == ':').count() >= 2
                : IPV4_LIKE.matcher(bare).matches() ? IPV4.matcher(bare).matches() : HOST_NAME.matcher(bare).matches();
        if (!valid) {
            throw new InvalidMigrationException("invalid " + what + " '" + value + "': use a host name (letters,"
                    + " digits, '-' and '.'), an IPv4 address such as 10.77.0.2 or an IPv6 address such as fd00::2");
        }
        return value;
    }
}

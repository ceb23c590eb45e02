package io.mecmig.testbed.exec;

import java.util.regex.Pattern;

/** Checks for values that end up in command lines, so a bad value fails early with a clear message. */
public final class SafeArgs {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,11}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

    private SafeArgs() {
    }

    /** A host, namespace or interface stem: lower-case letters, digits and dashes, 1-12 characters. */
    public static String name(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' is not valid: use 1-12 lower-case"
                    + " letters, digits or dashes, starting with a letter (e.g. meh-src)");
        }
        return value;
    }

    /** A dotted IPv4 address. */
    public static String ipv4(String what, String value) {
        if (value == null || !IPV4.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' is not an IPv4 address such as 10.77.0.1");
        }
        return value;
    }

    /** A Debian package name. */
    public static String debianPackage(String value) {
        if (value == null || !PACKAGE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a Debian package name");
        }
        return value;
    }
}

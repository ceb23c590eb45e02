package io.mecmig.testbed.setup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CRIU version as printed by {@code criu --version} ("Version: 4.2.1", possibly followed by a GitID line).
 * A build made with {@code make CRIU_VERSION_EXTRA=N} prints a fourth number ("Version: 4.2.1.1"): mecmig's
 * patched build says so that way, which tells it apart from a plain 4.2.1.
 *
 * @param major major number
 * @param minor minor number
 * @param patch patch number (0 when absent)
 * @param extra the build's extra number (0 when absent)
 */
public record CriuVersion(int major, int minor, int patch, int extra) implements Comparable<CriuVersion> {

    /** The oldest CRIU that dumps processes with sockets on kernels from 6.16 on. */
    public static final CriuVersion MINIMUM = new CriuVersion(4, 2, 0);

    private static final Pattern VERSION =
            Pattern.compile("(?m)^Version:\\s*(\\d+)\\.(\\d+)(?:\\.(\\d+)(?:\\.(\\d+))?)?");

    /** A release version without an extra number. */
    public CriuVersion(int major, int minor, int patch) {
        this(major, minor, patch, 0);
    }

    /**
     * Parses the output of {@code criu --version}.
     *
     * @throws IllegalArgumentException when it holds no version line
     */
    public static CriuVersion parse(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        if (!m.find()) {
            throw new IllegalArgumentException("no 'Version: X.Y[.Z[.N]]' line in criu's output: " + versionOutput.strip());
        }
        return new CriuVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), number(m.group(3)),
                number(m.group(4)));
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    /** True when this version is {@code other} or newer. */
    public boolean atLeast(CriuVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(CriuVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        return c != 0 ? c : Integer.compare(extra, o.extra);
    }

    /** "4.2.1", or "4.2.1.1" for a build with an extra number, as {@code criu --version} prints it. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (extra == 0 ? "" : "." + extra);
    }
}

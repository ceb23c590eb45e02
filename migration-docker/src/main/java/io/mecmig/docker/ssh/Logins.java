package io.mecmig.docker.ssh;

import io.mecmig.core.InvalidMigrationException;
import java.util.regex.Pattern;

/** Checks login names before they reach an ssh, scp or rsync command line. */
public final class Logins {

    // POSIX portable user names, as useradd accepts them by default.
    private static final Pattern LOGIN = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private Logins() {
    }

    /**
     * Returns {@code user} when it is a portable login name.
     *
     * @param what what the login is for, used in the message
     * @throws InvalidMigrationException naming the rule when it is not
     */
    public static String require(String what, String user) {
        if (user == null || !LOGIN.matcher(user).matches()) {
            throw new InvalidMigrationException("invalid " + what + " '" + user + "': use a login of 1 to 32"
                    + " lower-case letters, digits, '_' or '-', starting with a letter or '_' (for example root)");
        }
        return user;
    }
}

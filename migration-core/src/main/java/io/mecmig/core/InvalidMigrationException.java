package io.mecmig.core;

/** Bad input, found before anything ran: nothing was touched on either host. */
public class InvalidMigrationException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** A message naming the bad input and how to fix it. */
    /** @param message what is wrong with the input and how to fix it */
    public InvalidMigrationException(String message) {
        super(message);
    }
}

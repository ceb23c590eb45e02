package io.mecmig.core;

/** The app runs on the target but its state did not survive the move. */
public class StateLostException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param app    the app's container name
     * @param detail what the state check compared and found
     */
    public StateLostException(String app, String detail) {
        super("the state of '" + app + "' did not survive the move (" + detail + "): use a strategy that carries"
                + " the state the app needs, see Strategy.preserves()");
    }
}

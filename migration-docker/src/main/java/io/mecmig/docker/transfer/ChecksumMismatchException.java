package io.mecmig.docker.transfer;

import io.mecmig.core.MigrationException;

/**
 * A copy on the target differs from what the source sent: its message names the file and both sums. The copy
 * was not used; the failed step's rollback brings the app back on the source.
 */
public class ChecksumMismatchException extends MigrationException {

    private static final long serialVersionUID = 1L;

    public ChecksumMismatchException(String message) {
        super(message);
    }
}

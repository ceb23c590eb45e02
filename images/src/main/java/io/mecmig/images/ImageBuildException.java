package io.mecmig.images;

/** An image could not be built; the message says which step failed and what to do about it. */
public final class ImageBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message and cause. */
    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with its message. */
    public ImageBuildException(String message) {
        super(message);
    }
}

package io.mecmig.images;

import java.time.Duration;

/**
 * An image in the engine after {@link ImageBuilder} ran.
 *
 * @param name      what it is: {@code base-java}, {@code ba}, {@code uspa}, {@code asw}, ...
 * @param reference {@code repository:hash}, the tag derived from the image's inputs
 * @param latest    {@code repository:latest}, moved to this build
 * @param id        the engine's image id
 * @param sizeBytes the image size as {@code docker inspect} reports it
 * @param reused    true when an image with the same inputs was already there and nothing was built
 * @param took      time spent on it (near zero when reused)
 */
public record BuiltImage(String name, String reference, String latest, String id, long sizeBytes, boolean reused,
                         Duration took) {

    /** The size in MB (10^6 bytes), the unit of {@code docker images} and of the paper. */
    public double sizeMegabytes() {
        return sizeBytes / 1_000_000.0;
    }
}

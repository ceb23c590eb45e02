package io.mecmig.core;

import java.util.Objects;

/**
 * A typed name for data one step leaves for a later one (a tarball path, a checkpoint name),
 * kept across the two phases.
 */
public record Key<T>(String name, Class<T> type) {

    /** Both name and type are required. */
    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A key named {@code name} for values of {@code type}. */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type);
    }
}

package io.mecmig.core;

import java.util.Objects;

/**
 * A typed name for data one step leaves for a later one (a tarball path, a checkpoint name),
 * kept across the two phases.
 *
 * @param name the key's name, unique within a strategy
 * @param type the type of its values
 * @param journaled whether values are written to the migration's {@link Journal}, so that {@link Recovery}
 *     can give them back to the rollback steps after a crash of the process (String values only)
 */
public record Key<T>(String name, Class<T> type, boolean journaled) {

    /**
     * Both name and type are required; only String values can be journaled.
     *
     * @param name the key's name, unique within a strategy
     * @param type the type of its values
     * @param journaled whether values are written to the migration's {@link Journal}, so that {@link Recovery}
     *     can give them back to the rollback steps after a crash of the process (String values only)
     */
    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (journaled && type != String.class) {
            throw new IllegalArgumentException("key '" + name + "': only String values can be journaled");
        }
    }

    /**
     * A key that is not journaled.
     *
     * @param name the key's name, unique within a strategy
     * @param type the type of its values
     */
    public Key(String name, Class<T> type) {
        this(name, type, false);
    }

    /**
     * A key named {@code name} for values of {@code type}.
     *
     * @param <T> the type of its values
     * @param name the key's name, unique within a strategy
     * @param type the type of its values
     * @return the key
     */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type, false);
    }

    /**
     * A String key whose values are also written to the journal, fsynced before the next step runs. Use it
     * for what a rollback step needs to find after a crash: an image name, a checkpoint name, a file path.
     *
     * @param name the key's name, unique within a strategy
     * @return the key
     */
    public static Key<String> journaled(String name) {
        return new Key<>(name, String.class, true);
    }
}

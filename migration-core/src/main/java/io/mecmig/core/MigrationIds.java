package io.mecmig.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Migration ids: {@code CONTAINER-STRATEGY-YYYYMMDD-HHMMSS-XXXXXX}, the UTC second the migration began and six random
 * base-36 characters, for example {@code mec-uspa-fccp-20261127-103512-k3f9q2}. Unique across processes and machines
 * (two migrations of the same app and strategy in the same second share a suffix once in about two billion), so that
 * the names made from an id (a Docker image tag, the work files on the hosts, a journal file) never collide with those
 * of another run. An id is also a valid Docker tag as it is: lowercase, {@code [a-z0-9_.-]}, at most 128 characters.
 */
final class MigrationIds {

    /** Docker's limit for a tag. */
    static final int MAX_LENGTH = 128;
    private static final int SUFFIX_LENGTH = 6;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final RandomGenerator RANDOM = new SecureRandom();

    private MigrationIds() {
    }

    /**
     * A new id for a migration of {@code container} with {@code strategy}, begun now.
     *
     * @param container the app's container name
     * @param strategy  the strategy's name
     * @return the id
     */
    static String next(String container, String strategy) {
        return of(container, strategy, Instant.now(), RANDOM);
    }

    /**
     * The id for a migration begun at {@code at}, its suffix drawn from {@code random}.
     *
     * @param container the app's container name
     * @param strategy  the strategy's name
     * @param at        when the migration began
     * @param random    where the suffix comes from
     * @return the id
     */
    static String of(String container, String strategy, Instant at, RandomGenerator random) {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String unique = "-" + STAMP.format(at) + "-" + suffix;
        String readable = tagSafe(container + "-" + strategy);
        // A long container name is cut, never the part that makes the id unique.
        readable = readable.substring(0, Math.min(readable.length(), MAX_LENGTH - unique.length()))
                .replaceAll("[.-]+$", "");
        return (readable.isEmpty() ? "migration" : readable) + unique;
    }

    /** {@code text} in the characters a Docker tag allows, starting with one it may start with. */
    private static String tagSafe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-").replaceAll("^[.-]+", "");
    }
}

package io.mecmig.core;

/**
 * Whether state survived a migration, as observed by comparing the app's state before and after.
 *
 * @param preserved true when every rule of the app's {@link StateProbe} held
 * @param detail what was compared, in words, for reports
 */
public record StateVerdict(boolean preserved, String detail) {

    public static StateVerdict kept(String detail) {
        return new StateVerdict(true, detail);
    }

    public static StateVerdict lost(String detail) {
        return new StateVerdict(false, detail);
    }
}

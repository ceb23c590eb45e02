package io.mecmig.core;

/**
 * Whether state survived a migration, as observed by comparing the app's state before and after.
 *
 * @param preserved true when every rule of the app's {@link StateProbe} held
 * @param detail what was compared, in words, for reports
 */
public record StateVerdict(boolean preserved, String detail) {

    /**
     * @param detail what was compared
     * @return a verdict that the state survived
     */
    public static StateVerdict kept(String detail) {
        return new StateVerdict(true, detail);
    }

    /**
     * @param detail what was compared and what differed
     * @return a verdict that the state was lost
     */
    public static StateVerdict lost(String detail) {
        return new StateVerdict(false, detail);
    }
}

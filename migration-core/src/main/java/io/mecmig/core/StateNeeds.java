package io.mecmig.core;

/**
 * What an app needs carried to the target to go on correctly: the paper's three application classes.
 * Strategies declare the same scale for what they carry, see {@link Strategy#preserves()}.
 */
public enum StateNeeds {
    /** Nothing: the app can start from scratch anywhere (the paper's BA). */
    NONE,
    /** User state kept on disk, in a Docker volume (the paper's USPA). */
    USER_STATE,
    /** Application state in memory as well (the paper's ASW, whose memcached holds its data). */
    FULL_STATE;

    /**
     * Whether a strategy carrying {@code this} much state satisfies an app that needs {@code needs}.
     *
     * @param needs what an app needs
     * @return true when {@code this} is at least as much
     */
    public boolean covers(StateNeeds needs) {
        return compareTo(needs) >= 0;
    }
}

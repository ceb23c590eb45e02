package io.mecmig.core;

import java.util.Optional;

/**
 * Reads an app's state and judges whether it survived a move. The engine reads it on the source just
 * before the service stops and on the target once the app is ready again.
 */
public interface StateProbe {

    /**
     * The app's state at {@code address}, or empty when it does not answer.
     *
     * @param address where the app answers
     * @return its state, or empty
     */
    Optional<AppState> read(ServiceAddress address);

    /**
     * Compares the state read before the move with the one read after it.
     *
     * @param before the state read on the source before the move
     * @param after the state read on the target after it
     * @return whether the state survived, and why
     */
    StateVerdict compare(AppState before, AppState after);

    /**
     * Why this check could not fail whatever happened to the state, given the state {@code before} the move
     * (a counter still at 0, an empty list); empty when a loss would show. A "kept" verdict then proves
     * little, and the report says so.
     *
     * @param before the state read before the move
     * @return why the check could not fail, or empty when it could
     */
    default Optional<String> untelling(AppState before) {
        return Optional.empty();
    }

    /**
     * Whether the app at {@code address} now has a state whose loss its check would show: readable, and not
     * {@link #untelling}. Always true for an app without state.
     *
     * @param address where the app answers
     * @return true when a loss of state would show
     */
    default boolean telling(ServiceAddress address) {
        return this == none() || read(address).map(state -> untelling(state).isEmpty()).orElse(false);
    }

    /**
     * For apps without state (the paper's BA): nothing to read, always kept.
     *
     * @return the probe for apps without state
     */
    static StateProbe none() {
        return NoState.INSTANCE;
    }

    /**
     * A probe reading JSON from {@code GET path}; add the rules the state must obey with the builder.
     *
     * @param path the state endpoint's path, for example {@code /state}
     * @return a builder for the probe's rules
     */
    static JsonStateProbe.Builder http(String path) {
        return JsonStateProbe.builder(path);
    }

    /** {@link #none()}. */
    enum NoState implements StateProbe {
        /** The only instance. */
        INSTANCE;

        @Override
        public Optional<AppState> read(ServiceAddress address) {
            return Optional.empty();
        }

        @Override
        public StateVerdict compare(AppState before, AppState after) {
            return StateVerdict.kept("the app keeps no state");
        }
    }
}

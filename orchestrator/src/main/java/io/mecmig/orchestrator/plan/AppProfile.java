package io.mecmig.orchestrator.plan;

import io.mecmig.core.StateNeeds;
import java.util.Objects;

/**
 * What the orchestrator knows about the app it moves: the state it declares it needs and the sizes that decide
 * how long a move takes.
 *
 * @param name the app's name, e.g. {@code uspa}
 * @param needs the state the app needs carried (the paper's no state / user state / full state)
 * @param imageBytes its container image (what pre-relocation sends)
 * @param volumeBytes its Docker volume data (what relocation sends)
 * @param memoryBytes its memory in use (what a checkpoint holds)
 */
public record AppProfile(String name, StateNeeds needs, long imageBytes, long volumeBytes, long memoryBytes) {

    public AppProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(needs, "needs");
        if (imageBytes < 0 || volumeBytes < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("app sizes must not be negative");
        }
    }

    /** Sizes in the range of the paper's apps (about 110 MB images, 100 KB volumes, 15 MB checkpoints). */
    public static AppProfile typical(String name, StateNeeds needs) {
        return new AppProfile(name, needs, 110_000_000L, 100_000L, 15_000_000L);
    }
}

package io.mecmig.core;

/**
 * A MEC host that can run the app's container. Backends (Docker, CRIU) extend it with what their steps
 * need; the engine itself only needs what rollback and probing use.
 *
 * <p>Implementations must be safe to call from the engine thread and the probe thread at once.
 */
public interface Host extends AutoCloseable {

    /** A short name for reports and messages, for example {@code meh-src}. */
    String name();

    /** Where {@code app} answers on this host once it runs here. */
    ServiceAddress serviceAddress(AppSpec app);

    /** Whether the container named {@code container} exists here and is running. */
    boolean isRunning(String container);

    /** Starts the existing, stopped container {@code container}; used to bring the source back on rollback. */
    void start(String container);

    /** Removes the container {@code container} (stopping it first) if it exists; does nothing otherwise. */
    void removeContainer(String container);

    /** Releases connections; the host's containers are left as they are. */
    @Override
    default void close() {
    }
}

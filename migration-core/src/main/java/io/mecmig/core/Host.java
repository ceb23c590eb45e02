package io.mecmig.core;

/**
 * A MEC host that can run the app's container. Backends (Docker, CRIU) extend it with what their steps
 * need; the engine itself only needs what rollback and probing use.
 *
 * <p>Implementations must be safe to call from the engine thread and the probe thread at once.
 */
public interface Host extends AutoCloseable {

    /**
     * A short name for reports and messages, for example {@code meh-src}.
     *
     * @return the host's name
     */
    String name();

    /**
     * Where {@code app} answers on this host once it runs here.
     *
     * @param app the app
     * @return the address the app answers on
     */
    ServiceAddress serviceAddress(AppSpec app);

    /**
     * Whether the container named {@code container} exists here and is running.
     *
     * @param container a container name
     * @return true when it runs here
     */
    boolean isRunning(String container);

    /**
     * Starts the existing, stopped container {@code container}; used to bring the source back on rollback.
     *
     * @param container a container name
     */
    void start(String container);

    /**
     * Removes the container {@code container} (stopping it first) if it exists; does nothing otherwise.
     *
     * @param container a container name
     */
    void removeContainer(String container);

    /** Releases connections; the host's containers are left as they are. */
    @Override
    default void close() {
    }
}

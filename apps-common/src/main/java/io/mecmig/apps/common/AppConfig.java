package io.mecmig.apps.common;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of a sample app, read from environment variables so that a container needs no other input.
 *
 * @param mecBaseUrl     base URL of the MEC APIs (through the gateway or straight to the sandbox), ending in '/'
 * @param pollInterval   period of the MEC API poll (the paper's 200 ms)
 * @param statusPort     port of the {@code /health} + {@code /state} server
 * @param ueAddress      address of the UE to follow; empty means "the first user the Location API lists"
 * @param dataDir        directory of the Docker volume (USPA)
 * @param logDir         directory on the container filesystem for runtime logs (USPA, normal mode)
 * @param memcached      host:port of memcached (ASW)
 */
public record AppConfig(String mecBaseUrl, Duration pollInterval, int statusPort, Optional<String> ueAddress,
                        Path dataDir, Path logDir, String memcached) {

    /** Environment variable of {@link #mecBaseUrl()}. */
    public static final String MEC_BASE_URL = "MEC_BASE_URL";
    /** Environment variable of {@link #pollInterval()}, in milliseconds. */
    public static final String POLL_INTERVAL_MS = "POLL_INTERVAL_MS";
    /** Environment variable of {@link #statusPort()}. */
    public static final String STATUS_PORT = "STATUS_PORT";
    /** Environment variable of {@link #ueAddress()}. */
    public static final String UE_ADDRESS = "UE_ADDRESS";
    /** Environment variable of {@link #dataDir()}. */
    public static final String DATA_DIR = "DATA_DIR";
    /** Environment variable of {@link #logDir()}. */
    public static final String LOG_DIR = "LOG_DIR";
    /** Environment variable of {@link #memcached()}. */
    public static final String MEMCACHED = "MEMCACHED";

    /** Default MEC base URL: the gateway container, reached by name on the apps' Docker network. */
    public static final String DEFAULT_MEC_BASE_URL = "http://mec-gateway/sbx/";
    /** Default status port, the same inside every app container. */
    public static final int DEFAULT_STATUS_PORT = 8080;

    public AppConfig {
        mecBaseUrl = mecBaseUrl.endsWith("/") ? mecBaseUrl : mecBaseUrl + "/";
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(POLL_INTERVAL_MS + " must be positive, was " + pollInterval.toMillis());
        }
        if (statusPort < 0 || statusPort > 65535) {
            throw new IllegalArgumentException(STATUS_PORT + " must be a TCP port (0 to 65535; 0 picks a free one), was " + statusPort);
        }
    }

    /** The configuration of this process, from {@link System#getenv()}. */
    public static AppConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The configuration from the given variables; unset or blank ones take their defaults.
     *
     * @throws IllegalArgumentException naming the variable and its expected form when a number does not parse
     */
    public static AppConfig fromEnvironment(Map<String, String> env) {
        return new AppConfig(
                text(env, MEC_BASE_URL).orElse(DEFAULT_MEC_BASE_URL),
                Duration.ofMillis(number(env, POLL_INTERVAL_MS, 200)),
                (int) number(env, STATUS_PORT, DEFAULT_STATUS_PORT),
                text(env, UE_ADDRESS),
                Path.of(text(env, DATA_DIR).orElse("/data")),
                Path.of(text(env, LOG_DIR).orElse("/var/log/mecmig")),
                text(env, MEMCACHED).orElse("127.0.0.1:11211"));
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        Optional<String> value = text(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value.get() + "' is not a whole number: set it to e.g. "
                    + fallback + " or leave it unset", e);
        }
    }
}

package io.mecmig.core;

import java.net.URI;
import java.util.Objects;

/**
 * Where an app answers on a host, as seen by whoever probes it (the orchestrator, a test, the UE probe).
 *
 * @param host a host name or IP literal
 * @param port a TCP port, 1 to 65535
 */
public record ServiceAddress(String host, int port) {

    /**
     * Checks the host and the port, naming what is wrong.
     *
     * @param host a host name or IP literal
     * @param port a TCP port, 1 to 65535
     */
    public ServiceAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new InvalidMigrationException("service address has an empty host: give the host's IP or name");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidMigrationException("service port " + port + " is out of range: use 1 to 65535");
        }
    }

    /**
     * An http URI for {@code path} on this address.
     *
     * @param path an absolute or relative path
     * @return the URI
     */
    public URI http(String path) {
        return URI.create("http://" + authority() + absolute(path));
    }

    /**
     * {@code host:port} as an HTTP request names it (its {@code Host} header, a URI's authority): an IPv6 literal in
     * brackets.
     *
     * @return the authority
     */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code path} with its leading slash. */
    static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

package io.mecmig.testbed;

import java.net.URI;
import java.nio.file.Path;

/**
 * A testbed host's Docker Engine API over mutual TLS ({@code dockerd --tlsverify}), reachable from the root
 * namespace.
 *
 * @param uri          {@code tcp://<management address>:2376}
 * @param clientFolder the orchestrator's TLS files: {@code ca.pem} (the testbed's CA, which signed every host's
 *                     server certificate), {@code cert.pem} and {@code key.pem} (its client certificate and key)
 */
public record DockerTlsEndpoint(URI uri, Path clientFolder) {
}

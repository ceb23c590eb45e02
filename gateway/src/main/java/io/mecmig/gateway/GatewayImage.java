package io.mecmig.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the gateway image is built from: a Dockerfile on a local Debian base image (build argument
 * {@value #BASE_IMAGE_ARG}) plus the container's httpd configuration. The image builder of the project
 * writes this build context and runs the build; run the image with {@code -e MEC_BASE_URL=http://ADDR:PORT}.
 */
public final class GatewayImage {
    /** Suggested image name. */
    public static final String IMAGE_NAME = "mecmig/gateway";
    /** The Dockerfile's build argument naming the local Debian base image. */
    public static final String BASE_IMAGE_ARG = "BASE_IMAGE";
    /** Environment variable with the MEC platform URL (no trailing slash). */
    public static final String MEC_BASE_URL_ENV = "MEC_BASE_URL";
    /** Environment variable with the port httpd listens on inside the container (80 by default). */
    public static final String PORT_ENV = "GATEWAY_PORT";

    private static final String DOCKERFILE = "/io/mecmig/gateway/image/Dockerfile";

    private GatewayImage() {
    }

    /** Writes {@code Dockerfile} and {@code httpd-gateway.conf} into {@code dir} (created if missing). */
    public static void writeBuildContext(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("Dockerfile"), dockerfile(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("httpd-gateway.conf"), GatewayConfig.forContainer().render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway build context to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The Dockerfile text. */
    public static String dockerfile() {
        try (InputStream in = GatewayImage.class.getResourceAsStream(DOCKERFILE)) {
            if (in == null) {
                throw new IllegalStateException(DOCKERFILE + " is missing from the gateway jar: rebuild gateway");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.mecmig.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A gateway whose run was killed (SIGKILL skips every close) keeps its port: the next start on that port must
 * not mistake it for itself, and the leftover can be stopped.
 */
@Tag("docker")
class GatewayLeftoversIT {

    @Test
    void aTakenPortIsRefusedAndALeftoverGatewayCanBeStopped() {
        HttpdGateway leftover = HttpdGateway.start("http://127.0.0.1:9", "127.0.0.1", 0);
        int port = leftover.port();

        assertThatThrownBy(() -> HttpdGateway.start("http://127.0.0.1:9", "127.0.0.1", port))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("port " + port + " on 127.0.0.1 is taken");

        assertThat(HttpdGateway.stopLeftovers("127.0.0.1", port)).isEqualTo(1);
        assertThat(leftover.isAlive()).isFalse();
        assertThat(Files.exists(leftover.directory())).isFalse();
        try (HttpdGateway next = HttpdGateway.start("http://127.0.0.1:9", "127.0.0.1", port)) {
            assertThat(next.isAlive()).isTrue();
        }
    }
}

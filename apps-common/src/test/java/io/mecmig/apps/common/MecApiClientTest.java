package io.mecmig.apps.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MecApiClientTest {

    @Test
    void anInvalidBaseUrlIsReportedAtEachCallWithTheFix() {
        try (MecApiClient client = new MecApiClient("gateway:80/sbx")) {
            assertThatThrownBy(() -> client.get("rni/v2/queries/rab_info", Map.of()))
                    .isInstanceOf(MecApiException.class)
                    .hasMessageContaining("MEC_BASE_URL='gateway:80/sbx' is not an http(s) URL")
                    .hasMessageContaining("set it to e.g.");
        }
    }

    @Test
    void aDownPlatformIsReportedWithTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (MecApiClient client = new MecApiClient("http://127.0.0.1:" + closedPort + "/sbx/")) {
            assertThatThrownBy(() -> client.get("location/v2/queries/users", Map.of("address", "10.100.0.1")))
                    .isInstanceOf(MecApiException.class)
                    .hasMessageContaining("MEC API unreachable at http://127.0.0.1:" + closedPort
                            + "/sbx/location/v2/queries/users?address=10.100.0.1");
        }
    }
}

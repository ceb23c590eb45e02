package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real httpd gateway in front of the real sandbox, as the testbed's apps call it (no namespaces needed). */
@Tag("docker")
class TestbedPlatformIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theMecApisAnswerThroughTheGateway() throws Exception {
        try (TestbedPlatform platform = TestbedPlatform.start("127.0.0.1", freePort(),
                MecSandbox.builder().ues(UeSelection.moving()).paused())) {
            String users = platform.mecBaseUrl() + "location/v2/queries/users";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(users)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"userList\"").contains("10.100.0.1");
            assertThat(platform.mecBaseUrl()).startsWith("http://127.0.0.1:").endsWith("/sbx/");
            assertThat(platform.appBaseUrl()).startsWith("http://mec-gateway:").endsWith("/sbx/");
            assertThat(platform.addHost()).isEqualTo("mec-gateway:127.0.0.1");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

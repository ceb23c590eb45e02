package io.mecmig.experiment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayUrlTest {

    @Test
    void theAppsCallTheGatewayByTheNameTheirImageDefaultsTo() {
        assertThat(DockerTestbedSession.byGatewayName("http://10.77.1.1/sbx/")).isEqualTo("http://mec-gateway/sbx/");
        assertThat(DockerTestbedSession.byGatewayName("http://10.77.1.1:8080/sbx/"))
                .isEqualTo("http://mec-gateway:8080/sbx/");
        assertThat(DockerTestbedSession.byGatewayName("http://10.77.1.1")).isEqualTo("http://mec-gateway/");
    }
}

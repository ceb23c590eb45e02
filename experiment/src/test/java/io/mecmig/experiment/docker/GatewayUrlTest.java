package io.mecmig.experiment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.docker.catalog.AppCatalog;
import org.junit.jupiter.api.Test;

/** The URL the session's apps get: the MEC platform's, with the gateway by the name their image defaults to. */
class GatewayUrlTest {

    private static String appUrl(String mecBaseUrl) {
        return AppCatalog.deployment("uspa", mecBaseUrl).env().stream().filter(e -> e.startsWith("MEC_BASE_URL="))
                .map(e -> e.substring("MEC_BASE_URL=".length())).findFirst().orElseThrow();
    }

    @Test
    void theAppsCallTheGatewayByTheNameTheirImageDefaultsTo() {
        assertThat(appUrl("http://10.77.1.1/sbx/")).isEqualTo("http://mec-gateway/sbx/");
        assertThat(appUrl("http://10.77.1.1:8080/sbx/")).isEqualTo("http://mec-gateway:8080/sbx/");
        assertThat(appUrl("http://10.77.1.1")).isEqualTo("http://mec-gateway/");
        assertThat(AppCatalog.deployment("uspa", "http://10.77.1.1:8080/sbx/").extraHosts())
                .containsExactly("mec-gateway:10.77.1.1");
    }
}

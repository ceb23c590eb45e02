package io.mecmig.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

    @Test
    void hostConfigProxiesEverythingToTheMecBaseUrlUnderItsOwnRoot(@TempDir Path dir) {
        String conf = GatewayConfig.forHost("http://127.0.0.1:8085/", "127.0.0.1:18080", dir,
                Path.of("/usr/lib/apache2/modules"), null).render();
        assertThat(conf).contains("ProxyPass \"/\" \"http://127.0.0.1:8085/\"")
                .contains("ProxyPassReverse \"/\" \"http://127.0.0.1:8085/\"")
                .contains("Listen 127.0.0.1:18080")
                .contains("PidFile \"" + dir.resolve("httpd.pid") + "\"")
                .contains("ServerRoot \"" + dir + "\"")
                .contains("LoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so")
                .doesNotContain("User ")
                .doesNotContain("SSLProxyEngine")
                .contains("\nProxyPreserveHost On\n")
                .doesNotContain("@");
    }

    @Test
    void aPathInTheBaseUrlIsKept(@TempDir Path dir) {
        GatewayConfig c = GatewayConfig.forHost("https://try-mec.etsi.org/sbx1234", "127.0.0.1:1", dir, dir, "www-data");
        assertThat(c.mecBaseUrl()).isEqualTo("https://try-mec.etsi.org/sbx1234");
        assertThat(c.render()).contains("ProxyPass \"/\" \"https://try-mec.etsi.org/sbx1234/\"").contains("User www-data")
                .contains("LoadModule ssl_module").contains("SSLProxyEngine On")
                .as("an https platform keeps its own Host: TLS names it").doesNotContain("ProxyPreserveHost");
    }

    @Test
    void badBaseUrlsAreRefusedWithTheFix(@TempDir Path dir) {
        for (String bad : new String[] {"", "ftp://x", "127.0.0.1:8085", "http://x/?a=b", "http://x/\"y", "http:// bad"}) {
            assertThatThrownBy(() -> GatewayConfig.forHost(bad, "127.0.0.1:1", dir, dir, null))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        }
    }

    @Test
    void containerConfigReadsUrlAndPortFromTheEnvironment(@TempDir Path dir) throws Exception {
        GatewayImage.writeBuildContext(dir);
        String conf = Files.readString(dir.resolve("httpd-gateway.conf"));
        assertThat(conf).contains("ProxyPass \"/\" \"${MEC_BASE_URL}/\"").contains("Listen ${GATEWAY_PORT}")
                .contains("User www-data")
                .contains("<If \"'${MEC_BASE_URL}' =~ m#^http://#\">\n    ProxyPreserveHost On\n</If>");
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG BASE_IMAGE").contains("FROM ${BASE_IMAGE}")
                .contains("COPY httpd-gateway.conf /etc/mecmig-gateway/httpd.conf")
                .contains("apache2", "-DFOREGROUND");
    }
}

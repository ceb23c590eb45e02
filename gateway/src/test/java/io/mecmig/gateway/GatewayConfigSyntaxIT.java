package io.mecmig.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real {@code apache2 -t} accepts the image's configuration and the https host configuration. */
@Tag("docker")
class GatewayConfigSyntaxIT {

    private static String check(Path conf, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("apache2", "-t", "-f", conf.toString()).redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void imageConfigurationIsValidWithItsEnvironment(@TempDir Path dir) throws Exception {
        GatewayImage.writeBuildContext(dir);
        Files.createDirectories(dir.resolve("run"));
        // The image's own directories, moved under the temp dir so the host is left alone.
        String conf = Files.readString(dir.resolve("httpd-gateway.conf"))
                .replace("/etc/mecmig-gateway", dir.toString()).replace("/var/run/mecmig-gateway", dir.resolve("run").toString());
        Path test = dir.resolve("test.conf");
        Files.writeString(test, conf);
        assertThat(check(test, "MEC_BASE_URL", "http://127.0.0.1:8085", "GATEWAY_PORT", "18099")).contains("Syntax OK");
    }

    @Test
    void httpsUpstreamConfigurationIsValid(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Path conf = dir.resolve("https.conf");
        Files.writeString(conf, GatewayConfig.forHost("https://try-mec.etsi.org/sbx1", "127.0.0.1:18098", dir,
                Path.of("/usr/lib/apache2/modules"), null).render());
        assertThat(check(conf)).contains("Syntax OK");
    }
}

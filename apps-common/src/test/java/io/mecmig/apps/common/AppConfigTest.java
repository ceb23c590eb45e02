package io.mecmig.apps.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        AppConfig config = AppConfig.fromEnvironment(Map.of());
        assertThat(config.mecBaseUrl()).isEqualTo(AppConfig.DEFAULT_MEC_BASE_URL);
        assertThat(config.pollInterval().toMillis()).isEqualTo(200);
        assertThat(config.statusPort()).isEqualTo(8080);
        assertThat(config.ueAddress()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(config.memcached()).isEqualTo("127.0.0.1:11211");
    }

    @Test
    void readsEveryVariableAndAddsTheTrailingSlash() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("MEC_BASE_URL", "http://127.0.0.1:9/sbx",
                "POLL_INTERVAL_MS", "50", "STATUS_PORT", "0", "UE_ADDRESS", "10.100.0.3", "DATA_DIR", "/v",
                "LOG_DIR", "/l", "MEMCACHED", "127.0.0.1:1"));
        assertThat(config.mecBaseUrl()).isEqualTo("http://127.0.0.1:9/sbx/");
        assertThat(config.pollInterval().toMillis()).isEqualTo(50);
        assertThat(config.statusPort()).isZero();
        assertThat(config.ueAddress()).contains("10.100.0.3");
        assertThat(config.dataDir()).isEqualTo(Path.of("/v"));
        assertThat(config.logDir()).isEqualTo(Path.of("/l"));
        assertThat(config.memcached()).isEqualTo("127.0.0.1:1");
    }

    @Test
    void aBadNumberNamesTheVariableAndTheFix() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("POLL_INTERVAL_MS", "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POLL_INTERVAL_MS='fast'").hasMessageContaining("set it to e.g. 200");
    }
}

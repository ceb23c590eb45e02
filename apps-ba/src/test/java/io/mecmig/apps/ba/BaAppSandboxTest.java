package io.mecmig.apps.ba;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.apps.common.AppConfig;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeState;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** BA against the embedded sandbox, in-process. */
class BaAppSandboxTest {

    @Test
    void reportsTheErabOfAUeOnA4gCell() throws Exception {
        try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").port(0).paused().start();
             BaApp app = BaApp.start(config(sandbox.baseUrl()))) {
            for (int i = 0; i < 600 && sandbox.control().snapshot().ues().stream().noneMatch(UeState::on4g); i++) {
                sandbox.control().step(1);
            }
            assertThat(sandbox.control().snapshot().ues().stream().anyMatch(UeState::on4g)).as("a UE on a 4G cell").isTrue();
            await(() -> lastPoll(app).present());
            RabInfo info = lastPoll(app).rabInfo();
            assertThat(info.qci()).isEqualTo(80);
            assertThat(info.mcc()).isEqualTo("001");
            UeState ue = sandbox.control().snapshot().ue(info.ueAddress()).orElseThrow();
            assertThat(ue.on4g()).isTrue();
            assertThat(info.erabId()).isEqualTo(ue.erabId());
        }
    }

    @Test
    void keepsTryingWhileThePlatformIsDownAndRecoversWhenItComesUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (BaApp app = BaApp.start(config("http://127.0.0.1:" + port + "/sbx"))) {
            await(() -> ((Number) app.state().get("failedPolls")).longValue() >= 5);
            assertThat(lastPoll(app).at()).isNull();
            try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").port(port).paused().start()) {
                await(() -> lastPoll(app).at() != null);
            }
        }
    }

    @Test
    void aMalformedUrlNeverStopsTheApp() throws Exception {
        try (BaApp app = BaApp.start(config("gateway:80/sbx"))) {
            await(() -> ((Number) app.state().get("failedPolls")).longValue() >= 3);
            app.close(); // stops polling, so that both counts come from the same moment
            java.util.Map<String, Object> state = app.state();
            assertThat(state.get("polls")).isEqualTo(state.get("failedPolls"));
            assertThat(lastPoll(app).at()).isNull();
        }
    }

    private static BaApp.LastPoll lastPoll(BaApp app) {
        return (BaApp.LastPoll) app.state().get("lastPoll");
    }

    private static AppConfig config(String base) {
        return new AppConfig(base, Duration.ofMillis(20), 0, Optional.empty(), Path.of("/nonexistent"), Path.of("/nonexistent"), "unused");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}

package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.docker.ssh.RemoteCommandException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's waiting command, run here by bash in a folder of gates, with {@code head -n 1} of the FIFO standing in for
 * the runtime that reads it (as mecmig's runc-restore does).
 */
class StartGateTest {

    private static final String ID = "0123456789abcdef".repeat(4);

    @TempDir
    Path gates;
    private LocalHolder holder;
    private Process runtime;

    @AfterEach
    void end() {
        if (holder != null) {
            holder.process.destroyForcibly();
        }
        if (runtime != null) {
            runtime.destroyForcibly();
        }
    }

    private StartGate arm() {
        holder = new LocalHolder(StartGate.script(gates.toString(), ID, StartGate.Stage.START));
        StartGate gate = new StartGate("local", holder);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!holder.output().contains("armed") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(holder.output()).contains("armed");
        return gate;
    }

    private Path fifo() {
        return gates.resolve(ID + ".start");
    }

    /** The runtime reaching the gate: it reads one line of the FIFO. */
    private void runtimeArrives() throws IOException {
        runtime = new ProcessBuilder("head", "-n", "1", fifo().toString()).start();
    }

    private String runtimeGot() throws Exception {
        assertThat(runtime.waitFor(5, TimeUnit.SECONDS)).isTrue();
        return new String(runtime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void aGateIsHeldOnceTheRuntimeReadsItAndOpenLetsItGo() throws Exception {
        StartGate gate = arm();
        assertThat(fifo()).exists();
        CompletableFuture<Void> call = new CompletableFuture<>();
        assertThatThrownBy(() -> gate.awaitHeld(Duration.ofMillis(200), call))
                .isInstanceOf(RemoteCommandException.class).hasMessageContaining("did not report 'held'");
        assertThat(gate.reached()).isFalse();

        runtimeArrives();
        gate.awaitHeld(Duration.ofSeconds(5), call);
        assertThat(gate.reached()).isTrue();
        assertThat(runtime.isAlive()).as("held until the gate opens").isTrue();
        assertThat(fifo()).as("no later call finds the gate").doesNotExist();

        gate.open();
        assertThat(runtimeGot()).isEqualTo("go");
        gate.close();
        assertThat(holder.ended()).isTrue();
    }

    @Test
    void anAbortedGateFailsTheHeldRuntime() throws Exception {
        StartGate gate = arm();
        runtimeArrives();
        gate.awaitHeld(Duration.ofSeconds(5), new CompletableFuture<>());
        gate.abort();
        assertThat(runtimeGot()).isEqualTo("abort");
        assertThat(holder.ended()).isTrue();
    }

    @Test
    void aGateClosedBeforeTheRuntimeCameStillStopsAStartOnItsWay() throws Exception {
        StartGate gate = arm();
        gate.close();
        assertThat(fifo()).as("kept for the start on its way").exists();
        runtimeArrives();
        assertThat(runtimeGot()).isNotEqualTo("go");
        assertThat(fifo()).doesNotExist();
    }

    @Test
    void theInputEndingAbortsTheGate() throws Exception {
        arm();
        runtimeArrives();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!holder.output().contains("held") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        holder.process.getOutputStream().close(); // the orchestrator gone: its SSH session's input ends
        assertThat(runtimeGot()).isEqualTo("abort");
    }

    @Test
    void aKilledGateRemovesItsFifo() throws Exception {
        StartGate gate = arm();
        holder.process.destroy(); // SIGTERM, as RemoteGroup's kill of its process group
        assertThat(holder.process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(fifo()).doesNotExist();
        assertThat(gate.reached()).isFalse();
    }

    @Test
    void aStartThatEndsBeforeTheGateFailsTheWaitSayingWhy() {
        StartGate gate = arm();
        CompletableFuture<Void> call = CompletableFuture.failedFuture(new IllegalStateException("no such image"));
        assertThatThrownBy(() -> gate.awaitHeld(Duration.ofSeconds(5), call))
                .hasMessageContaining("ended before it reached the gate", "no such image")
                .hasMessageNotContaining("holds no gate");
        CompletableFuture<Void> ran = CompletableFuture.completedFuture(null);
        assertThatThrownBy(() -> gate.awaitHeld(Duration.ofSeconds(5), ran))
                .hasMessageContaining("the process already runs", "create it with " + StartGate.RUNTIME);
    }

    @Test
    void gatesAreNamedByTheFullContainerIdAndCommand() {
        assertThat(StartGate.path(ID, StartGate.Stage.START)).isEqualTo(StartGate.GATES + "/" + ID + ".start");
        assertThat(StartGate.removeAll(ID).line()).contains(ID + ".start", ID + ".restore");
        assertThatThrownBy(() -> StartGate.requireId("uspa")).hasMessageContaining("64-digit id");
    }

    /** The gate's command as a local bash process. */
    private static final class LocalHolder implements StartGate.Holder {
        private final Process process;
        private final StringBuffer out = new StringBuffer();

        LocalHolder(String script) {
            try {
                process = new ProcessBuilder("bash", "-c", script).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] b = new byte[256];
                    int n;
                    while ((n = in.read(b)) >= 0) {
                        out.append(new String(b, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // closed by detach
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public String output() {
            return out.toString();
        }

        @Override
        public boolean ended() {
            return !process.isAlive();
        }

        @Override
        public void write(String text) {
            try {
                process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean awaitEnd(Duration timeout) {
            try {
                return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void detach() {
            try {
                process.getOutputStream().close();
                process.getInputStream().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}

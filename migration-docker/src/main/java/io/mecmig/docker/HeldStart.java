package io.mecmig.docker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code docker start} sent ahead and held at a {@link StartGate}: the gate, and the call waiting on it. FCCP's
 * prepared start holds it before {@code runc start}, fullsp-delta's restore inside {@code runc restore}, before
 * CRIU.
 *
 * @param gate the armed gate
 * @param call the {@code docker start} that returns once the gate is opened, or fails once it is aborted
 */
public record HeldStart(StartGate gate, CompletableFuture<Void> call) {

    /**
     * Arms the gate of {@code stage} for container {@code id} on {@code target} and sends its {@code docker start},
     * returning at once; {@link #awaitHeld} waits until the runtime is at the gate. A start that cannot be sent aborts
     * the gate. The gate's command lives a little longer than the runtime waits at a gate
     * ({@link StartGate#RUNTIME_WAIT}).
     */
    public static HeldStart send(DockerHost target, String id, StartGate.Stage stage) {
        StartGate gate = StartGate.arm(target, id, stage, StartGate.RUNTIME_WAIT.plusSeconds(10));
        try {
            return new HeldStart(gate, target.startAsync(id));
        } catch (RuntimeException e) {
            gate.abort();
            throw e;
        }
    }

    /** Waits until the runtime waits at the gate; see {@link StartGate#awaitHeld}. */
    public void awaitHeld(Duration timeout) {
        gate.awaitHeld(timeout, call);
    }

    /**
     * Lets the start through: one line to the gate. A call that already failed while held (a dockerd gone) gets its gate
     * aborted instead, so that nothing runs; {@link #awaitStarted} then throws its failure.
     */
    public void letThrough() {
        if (call.isDone()) {
            gate.abort();
        } else {
            gate.open();
        }
    }

    /**
     * Waits until the {@code docker start} let through has returned, and ends the gate's command.
     *
     * @param timeout how long the start may take once let through
     */
    public void awaitStarted(Duration timeout, DockerHost target) {
        try {
            call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("docker start on " + target.name() + " did not return within "
                    + timeout.toSeconds() + " s after its gate opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while docker start ran on " + target.name(), e);
        }
        gate.close();
    }

    /**
     * Rollback: aborts a start still held (it fails at once) and waits for its call to end, so that a removal of the
     * container that follows does not wait on dockerd's lock of a held start.
     */
    public void release() {
        gate.abort();
        try {
            call.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // the aborted start failed, as it should
        } catch (TimeoutException e) {
            // it never reached the gate; the removal goes on and waits for dockerd itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.mecmig.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The UE's check during a move: is the app served on any of its hosts right now? Each host is asked on its own
 * thread, with at most one request in flight per host. A host that holds a request longer than
 * {@code patience} (an app frozen by a checkpoint accepts the connection and never answers) counts as not
 * answering until that request ends, and never hides another host that answers already. Asked one after the
 * other, a frozen source would make the probe see the target's first answer seconds late.
 */
final class ServedAnywhere implements BooleanSupplier, AutoCloseable {

    private final Readiness readiness;
    private final List<Supplier<ServiceAddress>> hosts;
    private final Duration patience;
    private final List<CompletableFuture<Boolean>> inFlight = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mecmig-ue-check");
        t.setDaemon(true);
        return t;
    });

    ServedAnywhere(Readiness readiness, List<Supplier<ServiceAddress>> hosts, Duration patience) {
        this.readiness = readiness;
        this.hosts = List.copyOf(hosts);
        this.patience = patience;
        hosts.forEach(h -> inFlight.add(null));
    }

    @Override
    public boolean getAsBoolean() {
        List<CompletableFuture<Boolean>> fresh = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            CompletableFuture<Boolean> previous = inFlight.get(i);
            if (previous == null || previous.isDone()) {
                Supplier<ServiceAddress> host = hosts.get(i);
                CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> readiness.isReady(host.get()), pool)
                        .exceptionally(e -> false);
                inFlight.set(i, check);
                fresh.add(check);
            }
        }
        CompletableFuture<Boolean> answered = new CompletableFuture<>();
        fresh.forEach(check -> check.thenAccept(ok -> {
            if (ok) {
                answered.complete(true);
            }
        }));
        CompletableFuture.allOf(fresh.toArray(CompletableFuture[]::new)).thenRun(() -> answered.complete(false));
        try {
            return answered.get(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillAsking) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package io.mecmig.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.mecmig.docker.ssh.RemoteCommandException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code docker stop} (SIGTERM, SIGKILL after the grace period) that tells apart two moments: the container's
 * process has exited ({@link #awaitExit}), and dockerd has finished its clean-up after it ({@link #awaitStopped}).
 * dockerd 20.10 emits the {@code die} event before that clean-up, and the stop call returns only after it, about
 * 0.1 s later: a migration whose next steps only read the stopped app's volume need not wait for it.
 *
 * <p>The {@code die} event is subscribed to before the stop is sent, with {@code since} set to the container's own
 * start time (in the daemon's clock, so no skew): a die that comes before the subscription is in place is replayed,
 * and no die of an earlier run of the container can be mistaken for this one. Should the event stream fail, the
 * exit is taken from the stop call's return, as {@code docker stop} itself would.
 *
 * <p>Under load, dockerd reports the die up to 0.25 s after the process is gone (measured here: containerd's exit
 * event comes late). A caller that can watch the process on its host passes an {@link ExitWatch}, a third witness
 * that usually comes first.
 */
public final class ContainerStop {

    /** The stop calls block for up to the grace period; they run on threads of their own, never the common pool. */
    private static final ExecutorService STOPPERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "docker-stop");
        t.setDaemon(true);
        return t;
    });
    /** How long the event subscription may take to open before the stop is sent without it. */
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private final String container;
    private final Duration grace;
    private final CompletableFuture<Void> exited = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped;
    private final DieEvents events;

    private ContainerStop(DockerClient docker, String container, Duration grace, ExitWatch watch) {
        this.container = container;
        this.grace = grace;
        this.events = DieEvents.subscribe(docker, container, exited);
        if (events.pid() > 0) {
            try {
                // A witness on the host sees the process go sooner than dockerd says so; its failure leaves the others.
                watch.start(events.pid()).thenRun(() -> exited.complete(null));
            } catch (RuntimeException e) {
                events.close(); // nothing was sent to the container yet: it keeps running
                throw e;
            }
        }
        this.stopped = CompletableFuture.runAsync(() -> stopCall(docker, container, grace), STOPPERS);
        // Whatever the events said, a returned stop call means the process is gone (or the stop failed).
        stopped.whenComplete((ok, failure) -> {
            if (failure == null) {
                exited.complete(null);
            } else {
                exited.completeExceptionally(failure);
            }
            events.close();
        });
    }

    /**
     * Subscribes to the container's {@code die} event, starts {@code watch} on the container's process id (as the host
     * sees it), then sends the stop; returns at once. The exit counts as seen when the die event comes, the stage
     * {@code watch} returned completes normally, or the stop call returns.
     *
     * @param grace how long dockerd waits after SIGTERM before it sends SIGKILL
     * @param watch a witness of the exit on the host, or one whose stage never completes
     */
    static ContainerStop begin(DockerClient docker, String container, Duration grace, ExitWatch watch) {
        return new ContainerStop(docker, container, grace, watch);
    }

    /** Something on the container's host that sees its process exit, started before the stop is sent. */
    @FunctionalInterface
    public interface ExitWatch {
        /**
         * Starts watching process {@code pid} of the host.
         *
         * @return completes normally once the process has exited
         */
        java.util.concurrent.CompletionStage<?> start(long pid);
    }

    /** The container this stop is for. */
    public String container() {
        return container;
    }

    /**
     * Waits until the container's process has exited: the {@code die} event came, or the stop call returned.
     *
     * @throws RemoteCommandException if the stop failed, or nothing came within the grace period plus 30 s
     */
    public void awaitExit() {
        await(exited, "exit");
    }

    /**
     * Waits until the stop call returned: dockerd has cleaned up after the process, the container can be started
     * again or removed.
     *
     * @throws RemoteCommandException if the stop failed, or did not return within the grace period plus 30 s
     */
    public void awaitStopped() {
        await(stopped, "stop");
    }

    /** Whether the stop call has returned (successfully or not). */
    public boolean isDone() {
        return stopped.isDone();
    }

    private void await(CompletableFuture<Void> moment, String what) {
        Duration bound = grace.plusSeconds(30);
        try {
            moment.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new RemoteCommandException("docker stop of '" + container
                    + "' failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new RemoteCommandException("docker stop of '" + container + "' did not " + (what.equals("exit")
                    ? "see the container's process exit" : "return") + " within " + bound.toSeconds()
                    + " s: is its dockerd responding? (docker -H ... ps on the host)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCommandException("interrupted while waiting for docker stop of '" + container + "'", e);
        }
    }

    private static void stopCall(DockerClient docker, String container, Duration grace) {
        try {
            docker.stopContainerCmd(container).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException e) {
            // already stopped
        }
    }

    /** Docker's event stream filtered to one container's {@code die}, completing {@code exited} when one comes. */
    static final class DieEvents implements Closeable {

        private final ResultCallback.Adapter<Event> callback;
        private final long pid;

        private DieEvents(ResultCallback.Adapter<Event> callback, long pid) {
            this.callback = callback;
            this.pid = pid;
        }

        private DieEvents(ResultCallback.Adapter<Event> callback) {
            this(callback, -1);
        }

        /** The running container's process id as its host sees it, or -1 if it was not running. */
        long pid() {
            return pid;
        }

        /**
         * Subscribes and waits until the stream is open. A container that is not running, or a stream that does not
         * open, gives no subscription: the stop call's return is then the only signal, as with {@code docker stop}.
         */
        static DieEvents subscribe(DockerClient docker, String container, CompletableFuture<Void> exited) {
            ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Event event) {
                    exited.complete(null);
                }
            };
            try {
                var state = docker.inspectContainerCmd(container).exec();
                if (!Boolean.TRUE.equals(state.getState().getRunning()) || state.getState().getStartedAt() == null) {
                    return new DieEvents(null);
                }
                docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withContainerFilter(state.getId())
                        .withEventFilter("die").withSince(since(state.getState().getStartedAt())).exec(callback);
                Long pid = state.getState().getPidLong();
                long known = pid == null ? -1 : pid;
                if (!callback.awaitStarted(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    callback.close();
                    return new DieEvents(null, known);
                }
                return new DieEvents(callback, known);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new DieEvents(null);
            } catch (IOException | RuntimeException e) {
                return new DieEvents(null); // the stop call's return stands in for the event
            }
        }

        /** An RFC 3339 time as the Engine API's {@code since} takes it: {@code SECONDS.NANOSECONDS}. */
        static String since(String rfc3339) {
            Instant t = Instant.parse(rfc3339);
            return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
        }

        @Override
        public void close() {
            if (callback != null) {
                try {
                    callback.close();
                } catch (IOException e) {
                    // the stream is gone either way
                }
            }
        }
    }
}

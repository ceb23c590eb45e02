package io.mecmig.orchestrator.live;

import io.mecmig.orchestrator.UeObservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one UE through the Location API: a userTracking subscription for the UE and a zonalTraffic
 * subscription for every zone (each notification makes it query the UE at once, so a handover is seen within a
 * round trip), and polling as the fallback that also refreshes position and velocity between handovers. If the
 * platform refuses subscriptions, it says so and polls only.
 */
public final class UeFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UeFollower.class);

    private final LocationClient api;
    private final String address;
    private final Duration pollInterval;
    private final Consumer<UeObservation> sink;
    private final List<String> subscriptions = new ArrayList<>();
    private final AtomicLong notices = new AtomicLong();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orchestrator-ue-poll");
        t.setDaemon(true);
        return t;
    });
    private NotificationReceiver receiver;
    private String mode = "not started";

    /**
     * @param sink gets every observation (from polls and from notification-triggered queries), on one thread
     */
    public UeFollower(LocationClient api, String address, Duration pollInterval, Consumer<UeObservation> sink) {
        this.api = api;
        this.address = address;
        this.pollInterval = pollInterval;
        this.sink = sink;
    }

    /**
     * Subscribes (callbacks to {@code callbackHost}, the address the platform reaches this process at) and starts
     * polling. Subscriptions are skipped when {@code callbackHost} is null.
     */
    public void start(String bindAddress, String callbackHost, List<String> zones) {
        if (callbackHost != null) {
            try {
                receiver = NotificationReceiver.start(bindAddress, callbackHost, this::notified);
                subscriptions.add(api.subscribeUserTracking(address, receiver.notifyUrl()));
                for (String zone : zones) {
                    subscriptions.add(api.subscribeZonalTraffic(zone, receiver.notifyUrl()));
                }
                mode = "userTracking + " + zones.size() + " zonalTraffic subscriptions, polling every "
                        + pollInterval.toMillis() + " ms";
            } catch (RuntimeException e) {
                LOG.warn("Location API subscriptions failed ({}); following UE {} by polling only", e.getMessage(), address);
                unsubscribeAll();
                mode = "polling only, every " + pollInterval.toMillis() + " ms (subscriptions refused: " + e.getMessage() + ")";
            }
        } else {
            mode = "polling only, every " + pollInterval.toMillis() + " ms";
        }
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How the UE is followed, in words. */
    public String mode() {
        return mode;
    }

    /** Notifications received so far. */
    public long notifications() {
        return notices.get();
    }

    private void notified(ZoneNotice notice) {
        if (LocationClient.sameUe(notice.address(), address)) {
            notices.incrementAndGet();
            poller.execute(this::pollSafely); // query now: the notification has no position or velocity
        }
    }

    private void pollSafely() {
        try {
            Optional<UeObservation> o = api.user(address);
            sink.accept(o.orElseGet(() -> UeObservation.attachment(address, java.time.Instant.now(), null, null)));
        } catch (RuntimeException e) {
            LOG.warn("polling UE {} failed: {}", address, e.getMessage());
        }
    }

    private void unsubscribeAll() {
        for (String s : subscriptions) {
            try {
                api.unsubscribe(s);
            } catch (RuntimeException e) {
                LOG.debug("could not delete subscription {}: {}", s, e.getMessage());
            }
        }
        subscriptions.clear();
    }

    /** Stops polling, deletes the subscriptions and stops the callback endpoint. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unsubscribeAll();
        if (receiver != null) {
            receiver.close();
        }
    }
}

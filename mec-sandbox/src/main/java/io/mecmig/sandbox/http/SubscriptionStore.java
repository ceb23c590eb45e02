package io.mecmig.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Subscriptions of one kind, by id, in creation order. Thread-safe. */
final class SubscriptionStore<T> {
    private final Map<Long, T> byId = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    long newId() {
        return nextId.getAndIncrement();
    }

    void put(long id, T sub) {
        byId.put(id, sub);
    }

    Optional<T> get(String id) {
        return parse(id).map(byId::get);
    }

    boolean remove(String id) {
        return parse(id).map(byId::remove).isPresent();
    }

    List<T> all() {
        return new ArrayList<>(byId.values());
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

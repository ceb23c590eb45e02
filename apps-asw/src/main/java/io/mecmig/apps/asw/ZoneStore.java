package io.mecmig.apps.asw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.mecmig.apps.common.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;

/**
 * ASW's state, kept in memcached memory only: key {@value #ZONES_KEY} lists the visited zone ids in visit order,
 * and {@code asw:zone:<zoneId>} holds each zone's {@link ZoneInfo} as JSON. Nothing is kept on disk.
 */
public final class ZoneStore implements AutoCloseable {

    /** Key of the JSON array of visited zone ids. */
    public static final String ZONES_KEY = "asw:zones";
    /** The system property that picks spymemcached's logger. */
    private static final String SPY_LOGGER = "net.spy.log.LoggerImpl";
    private static final long TIMEOUT_MS = 1000;

    static {
        // spymemcached logs to stderr on its own by default, with a date it formats (locale data loaded at start-up):
        // through SLF4J, its lines go where the app's do.
        if (System.getProperty(SPY_LOGGER) == null) {
            System.setProperty(SPY_LOGGER, "net.spy.memcached.compat.log.SLF4JLogger");
        }
    }

    private final String hostPort;
    private volatile MemcachedClient memcached;

    /** A store in the memcached at {@code hostPort} (e.g. {@code 127.0.0.1:11211}). */
    public ZoneStore(String hostPort) throws IOException {
        this.hostPort = hostPort;
        this.memcached = connect();
    }

    private MemcachedClient connect() throws IOException {
        return new MemcachedClient(new ConnectionFactoryBuilder()
                .setOpTimeout(TIMEOUT_MS)
                .setDaemon(true)
                .build(), AddrUtil.getAddresses(hostPort));
    }

    /**
     * Runs {@code op} and waits for its result; when it fails because the connection is gone, once more on a client
     * connected anew. A container restored by CRIU finds its connection to memcached closed (memcached and its
     * memory are restored intact): spymemcached notices at the first request, cancels it, and would reconnect on
     * its own only after a back-off of a second or two, failing every request meanwhile.
     */
    private <T> T call(Function<MemcachedClient, Future<T>> op) throws InterruptedException, ExecutionException,
            TimeoutException {
        MemcachedClient current = memcached;
        try {
            return op.apply(current).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            if (current.getUnavailableServers().isEmpty()) {
                throw new ExecutionException(e);
            }
            return op.apply(reconnect(current)).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized MemcachedClient reconnect(MemcachedClient lost) {
        if (memcached == lost) {
            try {
                memcached = connect();
            } catch (IOException e) {
                throw new IllegalStateException("cannot connect to memcached at " + hostPort + " (" + e + ")", e);
            }
            lost.shutdown(0, TimeUnit.MILLISECONDS);
        }
        return memcached;
    }

    /** Key of one zone's {@link ZoneInfo}. */
    public static String zoneKey(String zoneId) {
        return "asw:zone:" + zoneId;
    }

    /** Whether the zone is already stored. */
    public boolean contains(String zoneId) {
        return read(zoneKey(zoneId)).isPresent();
    }

    /** Stores the zone's info and adds the zone to the visited list (once). */
    public synchronized void put(ZoneInfo zone) {
        write(zoneKey(zone.zoneId()), json(zone));
        List<String> ids = zoneIds();
        if (!ids.contains(zone.zoneId())) {
            ids.add(zone.zoneId());
            write(ZONES_KEY, json(ids));
        }
    }

    /** The visited zone ids, in visit order, as memcached holds them. */
    public List<String> zoneIds() {
        return read(ZONES_KEY).map(text -> parse(text, new TypeReference<List<String>>() { }))
                .map(ArrayList::new).orElseGet(ArrayList::new);
    }

    /** Every visited zone with its info, read back from memcached (a zone whose entry is missing is skipped). */
    public List<ZoneInfo> visited() {
        List<ZoneInfo> zones = new ArrayList<>();
        for (String id : zoneIds()) {
            read(zoneKey(id)).map(text -> parse(text, new TypeReference<ZoneInfo>() { })).ifPresent(zones::add);
        }
        return zones;
    }

    private Optional<String> read(String key) {
        try {
            return Optional.ofNullable((String) call(client -> client.asyncGet(key)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + key + " from memcached", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("memcached at " + memcached.getAvailableServers() + memcached.getUnavailableServers()
                    + " did not answer a get of " + key + " (" + e + "): is memcached running?", e);
        }
    }

    private void write(String key, String value) {
        try {
            if (!call(client -> client.set(key, 0, value))) {
                throw new IllegalStateException("memcached refused to store " + key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing " + key + " in memcached", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("memcached did not store " + key + " (" + e + "): is memcached running?", e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value, e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("memcached holds an entry ASW cannot read: " + text, e);
        }
    }

    @Override
    public void close() {
        memcached.shutdown(1, TimeUnit.SECONDS);
    }
}

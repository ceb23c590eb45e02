package io.mecmig.apps.asw;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A lost connection to memcached is made anew at the next request, not after spymemcached's back-off: what a
 * CRIU restore does to ASW (its connection comes back closed while memcached runs on). Real memcached.
 */
@Tag("docker")
class ZoneStoreReconnectIT {

    @Test
    void theFirstRequestAfterTheConnectionWasLostIsServed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process first = memcached(port);
        try (ZoneStore store = new ZoneStore("127.0.0.1:" + port)) {
            store.put(new ZoneInfo("zone01", 1, List.of("poa-1")));
            assertThat(store.zoneIds()).containsExactly("zone01");

            first.destroy();
            first.waitFor();
            Thread.sleep(300); // memcached is gone; the client learns it at its next request
            Process second = memcached(port);
            try {
                Thread.sleep(300); // memcached listens again
                // spymemcached alone would still wait out its reconnect back-off here, and the put would time out
                store.put(new ZoneInfo("zone02", 1, List.of("poa-2")));
                assertThat(store.zoneIds()).containsExactly("zone02");
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            first.destroy();
        }
    }

    private static Process memcached(int port) throws java.io.IOException {
        return new ProcessBuilder("memcached", "-u", "root", "-l", "127.0.0.1", "-p", String.valueOf(port), "-U", "0", "-m", "16")
                .redirectErrorStream(true).start();
    }
}

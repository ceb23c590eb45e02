package io.mecmig.docker.transfer;

import io.mecmig.core.LinkProfile;
import java.time.Duration;

/** How long a transfer may take before it counts as failed: long enough for a lossy link, short enough for tests. */
public final class TransferTimeouts {

    private TransferTimeouts() {
    }

    /**
     * 15 s plus four times the time {@code bytes} take at the link's rate (1 Gbit/s when unshaped): a 5 % loss
     * costs about +75 % in the paper, a cut link fails within seconds of the bound.
     */
    public static Duration forBytes(long bytes, LinkProfile link) {
        long rate = link.bitsPerSecond() > 0 ? link.bitsPerSecond() : 1_000_000_000L;
        double seconds = bytes * 8.0 / rate;
        return Duration.ofSeconds(15).plusMillis(Math.round(seconds * 4000));
    }
}

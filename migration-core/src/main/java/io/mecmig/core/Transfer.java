package io.mecmig.core;

import java.time.Duration;

/**
 * Bytes that crossed the link between the hosts in one step.
 *
 * @param what what was sent, for example {@code image tarball}
 * @param method how, for example {@code scp}, {@code rsync}, {@code tcp stream}
 * @param bytes bytes on the wire as the sender counted them (payload, without TCP/IP headers)
 * @param duration from the first byte sent to the last byte received
 */
public record Transfer(String what, String method, long bytes, Duration duration) {

    /**
     * The achieved goodput in bits per second, 0 for an instant transfer.
     *
     * @return bits per second
     */
    public double bitsPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds == 0 ? 0 : bytes * 8 / seconds;
    }
}

package io.mecmig.criu;

import io.mecmig.core.LinkProfile;
import io.mecmig.docker.ssh.RemoteCommand;

/**
 * Whether checkpoint data is compressed on its way, chosen by the link's rate: {@code zstd -1} packs pages
 * at several hundred MB/s per core, far faster than a 100 Mbit/s link carries them, so below 1 Gbit/s it
 * shortens the transfer; at 1 Gbit/s and above, or on an unshaped link, the CPU would be the slower part.
 * The final page delta follows the same choice but compresses inside its own script (zlib, flushed after each
 * file; {@link FinalDumpStream}): zstd's tool holds its last block back until more input comes.
 */
enum Compression {
    NONE, ZSTD;

    /** Links slower than this get compression. */
    static final long THRESHOLD_BITS = 1_000_000_000L;

    static Compression forLink(LinkProfile link) {
        return link.bitsPerSecond() > 0 && link.bitsPerSecond() < THRESHOLD_BITS ? ZSTD : NONE;
    }

    /** The sender's filter, or null for none. */
    RemoteCommand compressor() {
        // One thread: its output follows its input block by block (128 KiB), so the receiver starts on a delta while
        // the sender still encodes it; -T0's jobs of several MiB would hold a whole delta back.
        return this == ZSTD ? RemoteCommand.of("zstd", "-q", "-1", "-c") : null;
    }

    /** The receiver's filter, or null for none. */
    RemoteCommand decompressor() {
        return this == ZSTD ? RemoteCommand.of("zstd", "-q", "-d", "-c") : null;
    }
}

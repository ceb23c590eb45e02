package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class DumpStatsTest {

    @Test
    void readsTheFiguresOfARealStatsDump() throws Exception {
        // Written by CRIU 4.2.1 (runc checkpoint of a JVM with memcached); crit showed these values.
        byte[] image;
        try (InputStream in = getClass().getResourceAsStream("stats-dump")) {
            image = in.readAllBytes();
        }
        DumpStats stats = DumpStats.parse(image);
        assertThat(stats.freezingMicros()).isEqualTo(73115);
        assertThat(stats.frozenMicros()).isEqualTo(2623162);
        assertThat(stats.memdumpMicros()).isEqualTo(1027963);
        assertThat(stats.pagesScanned()).isEqualTo(22487);
        assertThat(stats.pagesWritten()).isEqualTo(22261);
        assertThat(stats.frozenSeconds()).isEqualTo(2.623162);
    }

    @Test
    void refusesATruncatedImage() {
        assertThatThrownBy(() -> DumpStats.parse(new byte[5])).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("too short");
    }
}

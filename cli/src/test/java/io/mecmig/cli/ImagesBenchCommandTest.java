package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.images.StartupBenchmark;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesBenchCommandTest {

    @Test
    void theMedianIsTheMiddleRunOrTheMeanOfTheMiddleTwo() {
        List<StartupBenchmark.Run> odd = List.of(run(900), run(100), run(500), run(300), run(700));
        assertThat(ImagesBenchCommand.median(odd, StartupBenchmark.Run::rssSettledKb)).isEqualTo(500);
        assertThat(ImagesBenchCommand.median(odd.subList(0, 4), StartupBenchmark.Run::rssSettledKb)).isEqualTo(400);
    }

    private static StartupBenchmark.Run run(long rssKb) {
        return new StartupBenchmark.Run("ba", Duration.ZERO, Duration.ofMillis(rssKb), rssKb, rssKb, 1, true);
    }
}

package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void reportRoundTripsThroughJsonWithDurationsInSeconds() throws Exception {
        Fixtures f = new Fixtures().sourceRuns("{\"counter\":3}");
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE)).link(LinkProfile.of("100mbit", 5)).migrate();

        String json = report.toJson();
        JsonNode tree = Json.MAPPER.readTree(json);
        assertThat(tree.path("strategy").asText()).isEqualTo("test");
        assertThat(tree.path("link").path("bitsPerSecond").asLong()).isEqualTo(100_000_000L);
        assertThat(tree.path("relocation").path("duration").isNumber()).isTrue();
        assertThat(tree.path("relocation").path("duration").asDouble()).isLessThan(30.0);
        assertThat(tree.path("started").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(json).doesNotContain("\n");

        MigrationReport back = MigrationReport.fromJson(json);
        assertThat(back).isEqualTo(report);
        assertThat(back.toText()).contains("copy volume", "downtime: paper", "state: preserved");
    }

    @Test
    void aFailedRelocationRendersWithoutTheFiguresItNeverReached() {
        Fixtures f = new Fixtures().sourceRuns("{\"counter\":3}");
        Step broken = Step.onTarget("create container", ctx -> {
            throw new IllegalStateException("no space left on device");
        });
        try {
            Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                    .strategy(Fixtures.strategy(StateNeeds.USER_STATE, broken)).migrate();
        } catch (StepFailedException e) {
            assertThat(e.report().downtime().paper()).isNull();
            assertThat(e.report().toText()).contains("downtime: paper - s", "failure: create container: no space left",
                    "rollback: RESTORED");
            return;
        }
        throw new AssertionError("the migration should have failed");
    }

    @Test
    void linkLabels() {
        assertThat(LinkProfile.of("1gbit", 0).rateLabel()).isEqualTo("1gbit");
        assertThat(LinkProfile.of("100mbit", 0).rateLabel()).isEqualTo("100mbit");
        assertThat(LinkProfile.unshaped().rateLabel()).isEqualTo("unshaped");
    }
}

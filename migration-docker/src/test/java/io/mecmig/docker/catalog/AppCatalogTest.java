package io.mecmig.docker.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.StateNeeds;
import org.junit.jupiter.api.Test;

class AppCatalogTest {

    @Test
    void uspaKeepsItsStateLocationInEnvOnly() {
        AppDeployment uspa = AppCatalog.deployment("uspa", "http://gw/sbx/");
        assertThat(uspa.env()).contains("DATA_DIR=" + AppCatalog.USPA_DATA_DIR, "MEC_BASE_URL=http://gw/sbx/");
        assertThat(uspa.volumeMounts()).containsEntry("uspa-data", AppCatalog.USPA_DATA_DIR);
        // The app's own default (/data) is not the volume: without its ENV it cannot find its state.
        assertThat(AppCatalog.USPA_DATA_DIR).isNotEqualTo("/data");
        assertThat(uspa.spec().phaseEndpoint()).contains("/changePhase");
        assertThat(uspa.spec().needs()).isEqualTo(StateNeeds.USER_STATE);
        assertThat(uspa.launch().env()).isEqualTo(uspa.env());
    }

    @Test
    void everyAppHasItsCommandForSfpAndItsOwnHostPort() {
        assertThat(AppCatalog.keys()).allSatisfy(k -> assertThat(AppCatalog.spec(k).command()).isNotEmpty());
        assertThat(AppCatalog.keys().stream().map(k -> AppCatalog.deployment(k, "x").hostPort()).distinct()).hasSize(3);
        assertThat(AppCatalog.spec("asw").needs()).isEqualTo(StateNeeds.FULL_STATE);
        assertThat(AppCatalog.spec("BA").volumes()).isEmpty();
    }

    @Test
    void unknownAppNamesTheKnownOnes() {
        assertThatThrownBy(() -> AppCatalog.spec("nope")).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("ba").hasMessageContaining("uspa").hasMessageContaining("asw");
    }

    @Test
    void withEnvReplacesAVariable() {
        AppDeployment ba = AppCatalog.deployment("ba", "http://a/").withEnv("MEC_BASE_URL", "http://b/");
        assertThat(ba.env()).contains("MEC_BASE_URL=http://b/").doesNotContain("MEC_BASE_URL=http://a/");
    }
}

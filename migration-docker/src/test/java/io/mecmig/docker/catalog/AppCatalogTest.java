package io.mecmig.docker.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.StateNeeds;
import io.mecmig.images.AppImages;
import org.junit.jupiter.api.Test;

class AppCatalogTest {

    @Test
    void uspaFindsItsVolumeOnlyThroughItsImageEnv() {
        AppDeployment uspa = AppCatalog.deployment("uspa", "10.77.1.1");
        assertThat(uspa.volumeMounts()).containsEntry(AppCatalog.USPA_VOLUME, AppImages.USPA_VOLUME);
        assertThat(AppImages.uspa().env()).containsEntry("DATA_DIR", AppImages.USPA_VOLUME);
        // The app's own default (/data) is not the volume: without its ENV it cannot find its state (SFP).
        assertThat(AppImages.USPA_VOLUME).isNotEqualTo("/data");
        assertThat(uspa.spec().phaseEndpoint()).contains("/changePhase");
        assertThat(uspa.spec().needs()).isEqualTo(StateNeeds.USER_STATE);
        // The first run keeps the image's CMD and ENV: nothing is given by hand there.
        assertThat(uspa.launch().command()).isEmpty();
        assertThat(uspa.launch().env()).isEmpty();
    }

    @Test
    void everyAppHasItsImageCmdForSfpItsOwnHostPortAndTheGatewayName() {
        assertThat(AppCatalog.keys()).allSatisfy(k -> assertThat(AppCatalog.spec(k).command())
                .isEqualTo(AppImages.named(k).command()));
        assertThat(AppCatalog.keys().stream().map(k -> AppCatalog.deployment(k, "10.77.1.1").hostPort()).distinct()).hasSize(3);
        assertThat(AppCatalog.deployment("ba", "10.77.1.1").extraHosts()).containsExactly("mec-gateway:10.77.1.1");
        assertThat(AppCatalog.deployment("ba", "http://10.77.2.1/sbx/").extraHosts()).containsExactly("mec-gateway:10.77.2.1");
        assertThat(AppCatalog.spec("asw").needs()).isEqualTo(StateNeeds.FULL_STATE);
        assertThat(AppCatalog.spec("BA").volumes()).isEmpty();
    }

    @Test
    void aMecBaseUrlBecomesTheAppsUrlByTheGatewayNameWithItsPortAndPath() {
        AppDeployment asw = AppCatalog.deployment("asw", "http://10.77.2.1:8085/sbx/");
        assertThat(asw.extraHosts()).containsExactly("mec-gateway:10.77.2.1");
        assertThat(asw.env()).containsExactly("MEC_BASE_URL=http://mec-gateway:8085/sbx/");
        assertThat(asw.launch().env()).containsExactly("MEC_BASE_URL=http://mec-gateway:8085/sbx/");
        assertThat(AppCatalog.deployment("ba", "http://10.77.2.1").env()).containsExactly("MEC_BASE_URL=http://mec-gateway/");
        // A bare address keeps the image's own URL (port 80).
        assertThat(AppCatalog.deployment("ba", "10.77.1.1").env()).isEmpty();
    }

    @Test
    void aMecBaseUrlWithoutAHostOrNoneAtAllSaysHowToGiveIt() {
        assertThatThrownBy(() -> AppCatalog.deployment("ba", "http:///sbx/")).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("no host").hasMessageContaining("http://ADDRESS:PORT/sbx/");
        assertThatThrownBy(() -> AppCatalog.deployment("ba", " ")).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("no MEC base URL");
    }

    @Test
    void unknownAppNamesTheKnownOnes() {
        assertThatThrownBy(() -> AppCatalog.spec("nope")).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("ba").hasMessageContaining("uspa").hasMessageContaining("asw");
    }
}

package io.mecmig.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfilesTest {

    @Test
    void theDockerfileCarriesExactlyTheConfigurationAppImagesPromises() throws Exception {
        AppImage uspa = AppImages.uspa();
        String dockerfile = Dockerfiles.app(uspa, "mecmig/base-java:abc", false, "h1");
        String cmd = dockerfile.lines().filter(l -> l.startsWith("CMD ")).findFirst().orElseThrow().substring(4);
        assertThat(new ObjectMapper().readValue(cmd, List.class)).isEqualTo(uspa.command());
        assertThat(dockerfile).startsWith("FROM mecmig/base-java:abc\n")
                .contains("WORKDIR /app\n", "EXPOSE 8080\n", "VOLUME [\"/var/lib/uspa\"]\n", "DATA_DIR=\"/var/lib/uspa\"", "UE_ADDRESS=\"\"")
                .doesNotContain("ADD ")
                .contains("RUN [\"/bin/sh\",\"-c\",\"export ", "/opt/java/bin/java ", "-XX:ArchiveClassesAtExit=/app/app.jsa", "io.mecmig.apps.uspa.UspaApp & pid=$!");
        assertThat(uspa.command()).contains("-XX:SharedArchiveFile=/app/app.jsa");
    }

    @Test
    void uspaIsTrainedWithAStateFileInPlaceThatTheImageDoesNotKeep() {
        String script = AppImages.cdsTrainingScript(AppImages.uspa());
        String seed = "printf '%s' '{\"counter\":1,\"zone\":\"zone01\"}' > '/var/lib/uspa/state.json'";
        assertThat(script).startsWith("export MEC_BASE_URL=").contains("export DATA_DIR='/var/lib/uspa'; ");
        assertThat(script).contains("mkdir -p '/var/lib/uspa/' && " + seed, "/state; ", "rm -f '/var/lib/uspa/state.json'");
        assertThat(script.indexOf(seed)).isLessThan(script.indexOf("/opt/java/bin/java"));
        assertThat(script.indexOf("wait $pid")).isLessThan(script.indexOf("rm -f '/var/lib/uspa/state.json'"));
        assertThat(script).doesNotContain("httpd", TrainingMecApi.BASE_URL, "memcached");
    }

    @Test
    void aswIsTrainedPollingTheTrainingPlatformWithItsMemcachedBesideIt() {
        String script = AppImages.cdsTrainingScript(AppImages.asw());
        String memcached = "/usr/bin/memcached -u root -l 0.0.0.0 -p 11211 -U 0 -m 64 -c 64 -t 1 -n 1024 & companion=$!; ";
        assertThat(AppImages.asw().command().get(2)).startsWith(memcached.substring(0, memcached.indexOf(" & ")));
        assertThat(script).contains("busybox httpd -f -p 127.0.0.1:18085 -h /tmp/mecmig-training-api & api=$!; ",
                "export MEC_BASE_URL='http://127.0.0.1:18085/sbx/'; ", memcached, "grep -q '\"mecReachable\":true'",
                "kill $companion; ", "kill $api; wait $api; rm -rf /tmp/mecmig-training-api; ");
        // The platform's URL overrides the image's, the platform and memcached run before the JVM and stop after it.
        assertThat(script.indexOf("export MEC_BASE_URL='http://127.0.0.1")).isGreaterThan(script.indexOf("export MEC_BASE_URL='http://mec-gateway"));
        assertThat(script.indexOf("& api=$!")).isLessThan(script.indexOf(memcached)).isLessThan(script.indexOf("/opt/java/bin/java"));
        assertThat(script.indexOf("wait $pid")).isLessThan(script.indexOf("kill $companion"));
        assertThat(script).contains("printf '%s' '{\"userList\":{\"user\":[{\"address\":\"10.100.0.1\"")
                .contains("> '/tmp/mecmig-training-api/sbx/location/v2/queries/zones/zone01/index.html'; ")
                .contains("> '/tmp/mecmig-training-api/sbx/location/v2/queries/zones/zone01/accessPoints'; ");
        assertThat(AppImages.cdsTrainingScript(AppImages.ba())).contains("& api=$!", "/sbx/rni/v2/queries/rab_info")
                .doesNotContain("companion", "rm -f");
    }

    @Test
    void onlyUspaDeclaresAVolumeAndOnlyAswExposesMemcached() {
        assertThat(Dockerfiles.app(AppImages.ba(), "b", false, "h")).doesNotContain("VOLUME").contains("EXPOSE 8080\n");
        assertThat(Dockerfiles.app(AppImages.asw(), "b", true, "h")).doesNotContain("VOLUME")
                .contains("EXPOSE 8080 11211\n", "ADD layer.tar /\n");
    }

    @Test
    void aswStartsMemcachedThenExecsTheJvmWithAnUnexpandedClassPathWildcard() {
        List<String> cmd = AppImages.asw().command();
        assertThat(cmd.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(cmd.get(2)).startsWith("/usr/bin/memcached ").contains(" -p 11211 ", " & exec /opt/java/bin/java ")
                .contains("-cp '/app/lib/*' io.mecmig.apps.asw.AswApp");
    }

    @Test
    void appsAreFoundByName() {
        assertThat(AppImages.named("ba").repository()).isEqualTo("mecmig/ba");
        assertThat(AppImages.uspa().volume()).contains("/var/lib/uspa");
        assertThat(AppImages.asw().statusPort()).isEqualTo(8080);
    }
}

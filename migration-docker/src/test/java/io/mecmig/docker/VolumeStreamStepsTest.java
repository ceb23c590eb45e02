package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import org.junit.jupiter.api.Test;

class VolumeStreamStepsTest {

    private static InspectContainerResponse inspected(String restartPolicy) throws Exception {
        String json = "{\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"" + restartPolicy + "\"}}}";
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(json, InspectContainerResponse.class);
    }

    @Test
    void theHostSendsTheContainersStopSignalAndTermByDefault() throws Exception {
        assertThat(VolumeStreamSteps.hostSignal(inspected(""), "")).isEqualTo("TERM");
        assertThat(VolumeStreamSteps.hostSignal(inspected("no"), "SIGQUIT")).isEqualTo("QUIT");
        assertThat(VolumeStreamSteps.hostSignal(inspected("no"), "9")).isEqualTo("9");
    }

    @Test
    void aContainerWithARestartPolicyIsLeftToDockersStopAlone() throws Exception {
        // dockerd would restart a process that died before it marked the container as stopping.
        for (String policy : new String[] {"always", "unless-stopped", "on-failure"}) {
            assertThat(VolumeStreamSteps.hostSignal(inspected(policy), "")).as(policy).isEmpty();
        }
    }
}

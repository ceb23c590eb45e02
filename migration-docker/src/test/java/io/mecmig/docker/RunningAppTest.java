package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunningAppTest {

    private static RunningApp inspected(String json) throws Exception {
        return RunningApp.of(new ObjectMapper().readTree(json));
    }

    private static RunningApp withPolicyAndSignal(String restartPolicy, String stopSignal) throws Exception {
        return inspected("{\"State\":{\"Running\":true,\"Pid\":42},\"HostConfig\":{\"RestartPolicy\":{\"Name\":\""
                + restartPolicy + "\"}},\"Config\":{\"StopSignal\":\"" + stopSignal + "\"}}");
    }

    @Test
    void oneInspectAnswerGivesTheProcessItsStateRestartPolicyAndStopSignal() throws Exception {
        RunningApp app = inspected("{\"State\":{\"Running\":true,\"Pid\":4242,\"Status\":\"running\"},"
                + "\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":3}},"
                + "\"Config\":{\"Image\":\"mecmig/uspa\",\"StopSignal\":\"SIGINT\"}}");
        assertThat(app).isEqualTo(new RunningApp(4242, true, "on-failure", "SIGINT"));
        assertThat(app.hasProcess()).isTrue();
    }

    @Test
    void aStoppedContainerHasNoProcessToSignal() throws Exception {
        assertThat(inspected("{\"State\":{\"Running\":false,\"Pid\":0}}").hasProcess()).isFalse();
        assertThat(inspected("{\"State\":{\"Running\":true,\"Pid\":0}}").hasProcess()).isFalse();
        assertThat(inspected("{}")).isEqualTo(new RunningApp(0, false, "", ""));
    }

    @Test
    void theHostSendsTheContainersStopSignalAndTermByDefault() throws Exception {
        assertThat(withPolicyAndSignal("", "").hostSignal()).isEqualTo("TERM");
        assertThat(withPolicyAndSignal("no", "SIGQUIT").hostSignal()).isEqualTo("QUIT");
        assertThat(withPolicyAndSignal("no", "sigint").hostSignal()).isEqualTo("INT");
        assertThat(withPolicyAndSignal("no", "9").hostSignal()).isEqualTo("9");
    }

    @Test
    void aContainerWithARestartPolicyIsLeftToDockersStopAlone() throws Exception {
        // dockerd would restart a process that died before it marked the container as stopping.
        for (String policy : new String[] {"always", "unless-stopped", "on-failure"}) {
            assertThat(withPolicyAndSignal(policy, "SIGQUIT").hostSignal()).as(policy).isEmpty();
        }
    }
}

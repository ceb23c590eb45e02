package io.mecmig.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Network;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BridgeGatewayTest {

    private static Network network(String ipamJson) throws Exception {
        return new ObjectMapper().readValue("{\"Name\":\"bridge\",\"IPAM\":" + ipamJson + "}", Network.class);
    }

    @Test
    void takesTheListedGateway() throws Exception {
        assertThat(BridgeGateway.of(network("{\"Config\":[{\"Subnet\":\"10.9.0.0/24\",\"Gateway\":\"10.9.0.254\"}]}")))
                .isEqualTo("10.9.0.254");
    }

    @Test
    void fallsBackToTheSubnetsFirstHostWhenTheEngineListsNoGateway() throws Exception {
        // what a dockerd answers on its first start on a machine
        assertThat(BridgeGateway.of(network("{\"Config\":[{\"Subnet\":\"172.17.0.0/16\"}]}"))).isEqualTo("172.17.0.1");
        assertThat(BridgeGateway.of(network("{\"Config\":[{\"Subnet\":\"fd00::/64\"},{\"Subnet\":\"10.1.2.128/25\"}]}")))
                .isEqualTo("10.1.2.129");
    }

    @Test
    void saysWhatToDoWithoutAnIpv4Config() throws Exception {
        assertThatThrownBy(() -> BridgeGateway.of(network("{\"Config\":[]}"))).hasMessageContaining("restart dockerd");
        assertThatThrownBy(() -> BridgeGateway.of(network("{\"Config\":[{\"Subnet\":\"fd00::/64\"}]}")))
                .hasMessageContaining("--bip");
    }
}

package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an address is written into URIs and HTTP requests. */
class ServiceAddressTest {

    @Test
    void anIpv6LiteralIsBracketedInTheAuthorityAndTheUri() {
        ServiceAddress v6 = new ServiceAddress("::1", 8080);

        assertThat(v6.authority()).isEqualTo("[::1]:8080");
        assertThat(v6.http("health")).hasToString("http://[::1]:8080/health");
    }

    @Test
    void aNameOrIpv4AddressIsWrittenAsItIs() {
        ServiceAddress v4 = new ServiceAddress("10.77.1.2", 18083);

        assertThat(v4.authority()).isEqualTo("10.77.1.2:18083");
        assertThat(v4.http("/health")).hasToString("http://10.77.1.2:18083/health");
    }
}

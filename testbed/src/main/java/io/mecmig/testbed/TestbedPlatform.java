package io.mecmig.testbed;

import io.mecmig.gateway.HttpdGateway;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.ProcessRunner;
import java.util.Objects;

/**
 * The MEC platform of the testbed, as in the paper's figure 2: the embedded MEC sandbox, and in front of it
 * the Apache httpd API gateway on port 80 of the testbed's management side. The apps reach the MEC APIs
 * through the gateway at their image's default URL, {@value #APP_BASE_URL}, once {@value #GATEWAY_NAME} is
 * mapped to {@link #gatewayAddress()} ({@code --add-host}); only the gateway faces the hosts.
 *
 * <pre>{@code
 * try (TestbedPlatform platform = TestbedPlatform.start(testbed.hosts(),
 *         MecSandbox.builder().ues(UeSelection.moving()).paused())) {
 *     app.withEnv("MEC_BASE_URL", platform.appBaseUrl());   // plus --add-host mec-gateway:platform.gatewayAddress()
 *     platform.sandbox().control().step(5);
 * }
 * }</pre>
 */
public final class TestbedPlatform implements AutoCloseable {

    /** The name the apps' images reach the gateway by. */
    public static final String GATEWAY_NAME = "mec-gateway";
    /** The sandbox's name, the first path segment of every MEC API. */
    public static final String SANDBOX_NAME = "sbx";
    /** The MEC base URL the apps' images default to. */
    public static final String APP_BASE_URL = "http://" + GATEWAY_NAME + "/" + SANDBOX_NAME + "/";
    /** The gateway's port: the default port of {@link #APP_BASE_URL}. */
    public static final int GATEWAY_PORT = 80;

    private final MecSandbox sandbox;
    private final HttpdGateway gateway;
    private final String gatewayAddress;
    /** httpd outlives a JVM that exits without closing the platform, and would then hold port 80. */
    private final Thread stopOnExit = new Thread(this::stop, "testbed-platform-stop");

    private TestbedPlatform(MecSandbox sandbox, HttpdGateway gateway, String gatewayAddress) {
        this.sandbox = sandbox;
        this.gateway = gateway;
        this.gatewayAddress = gatewayAddress;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the platform for {@code hosts}: the gateway listens on the first host's management gateway
     * address, and every other host gets a route to it through its own management link.
     *
     * @param sandbox the sandbox as the caller wants it (UEs, time scale, paused); its name and address are
     *     set here: {@value #SANDBOX_NAME}, on 127.0.0.1 behind the gateway
     * @throws IllegalStateException when httpd cannot start (not installed, port 80 taken), saying which
     */
    public static TestbedPlatform start(TestbedHosts hosts, MecSandbox.Builder sandbox) {
        String address = hosts.hosts().get(0).gatewayAddress();
        CommandRunner runner = new ProcessRunner();
        for (TestbedHost h : hosts.hosts().subList(1, hosts.hosts().size())) {
            // The hosts have no default route: the others reach the first host's gateway address this way.
            runner.require(h.command("ip", "route", "replace", address + "/32", "via", h.gatewayAddress()));
        }
        return start(address, GATEWAY_PORT, sandbox);
    }

    /**
     * Starts the sandbox on 127.0.0.1 and the gateway on {@code gatewayAddress:port} in front of it, for hosts
     * that reach this machine at {@code gatewayAddress} (a hosts file's own hosts, for example).
     */
    public static TestbedPlatform start(String gatewayAddress, int port, MecSandbox.Builder sandbox) {
        Objects.requireNonNull(gatewayAddress, "gatewayAddress");
        int stale = HttpdGateway.stopLeftovers(gatewayAddress, port);
        if (stale > 0) {
            System.err.println("stopped " + stale + " MEC gateway(s) on " + gatewayAddress + ":" + port
                    + " left by a run that was killed");
        }
        MecSandbox started = sandbox.sandboxName(SANDBOX_NAME).bindAddress("127.0.0.1").port(0).start();
        try {
            HttpdGateway gateway = HttpdGateway.start("http://127.0.0.1:" + started.port(), gatewayAddress, port);
            return new TestbedPlatform(started, gateway, gatewayAddress);
        } catch (RuntimeException e) {
            started.close();
            throw new IllegalStateException("the MEC API gateway (httpd) could not start on " + gatewayAddress + ":"
                    + port + ": " + e.getMessage(), e);
        }
    }

    /** The sandbox, to move its UEs and read its state. */
    public MecSandbox sandbox() {
        return sandbox;
    }

    /** The address the hosts reach the gateway at: what {@value #GATEWAY_NAME} maps to. */
    public String gatewayAddress() {
        return gatewayAddress;
    }

    /** The MEC base URL the apps use: {@value #APP_BASE_URL}, with the port when it is not 80. */
    public String appBaseUrl() {
        return gateway.port() == GATEWAY_PORT ? APP_BASE_URL
                : "http://" + GATEWAY_NAME + ":" + gateway.port() + "/" + SANDBOX_NAME + "/";
    }

    /** The same URL by address, for clients that do not resolve {@value #GATEWAY_NAME}. */
    public String mecBaseUrl() {
        return "http://" + gatewayAddress + (gateway.port() == GATEWAY_PORT ? "" : ":" + gateway.port()) + "/"
                + SANDBOX_NAME + "/";
    }

    /** The {@code --add-host} entry that lets the apps resolve {@value #GATEWAY_NAME}. */
    public String addHost() {
        return GATEWAY_NAME + ":" + gatewayAddress;
    }

    /** Stops the gateway, then the sandbox. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down and the hook stops the platform
        }
        stop();
    }

    private void stop() {
        try {
            gateway.close();
        } finally {
            sandbox.close();
        }
    }
}

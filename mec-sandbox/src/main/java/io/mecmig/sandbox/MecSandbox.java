package io.mecmig.sandbox;

import io.mecmig.sandbox.http.SandboxServer;
import io.mecmig.sandbox.mobility.MobilityEngine;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.sandbox.scenario.Scenario;
import java.util.Objects;

/**
 * The embedded MEC platform: ETSI MEC 013 Location API v2 and MEC 012 RNIS v2 over HTTP, fed by a
 * mobility engine that moves UEs through a scenario (Monaco by default).
 *
 * <pre>{@code
 * try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").port(0).paused().start()) {
 *     sandbox.control().step(30);
 *     String users = sandbox.locationUrl() + "/queries/users";
 * }
 * }</pre>
 */
public final class MecSandbox implements AutoCloseable {
    private final SandboxControl control;
    private final SandboxServer server;
    private final String sandboxName;
    private final String advertisedHost;

    private MecSandbox(SandboxControl control, SandboxServer server, String sandboxName, String advertisedHost) {
        this.control = control;
        this.server = server;
        this.sandboxName = sandboxName;
        this.advertisedHost = advertisedHost;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://HOST:PORT[/NAME]}: append {@code /location/v2} or {@code /rni/v2}. */
    public String baseUrl() {
        return "http://" + advertisedHost + ":" + port() + (sandboxName == null ? "" : "/" + sandboxName);
    }

    /** Base URL of the Location API, e.g. {@code http://127.0.0.1:8085/sbx/location/v2}. */
    public String locationUrl() {
        return baseUrl() + "/location/v2";
    }

    /** Base URL of the RNIS, e.g. {@code http://127.0.0.1:8085/sbx/rni/v2}. */
    public String rniUrl() {
        return baseUrl() + "/rni/v2";
    }

    /** Base URL of the control API, e.g. {@code http://127.0.0.1:8085/sbx/control/v1}. */
    public String controlUrl() {
        return baseUrl() + "/control/v1";
    }

    /** The port the sandbox listens on. */
    public int port() {
        return server.port();
    }

    /** The sandbox name used as path prefix, or null. */
    public String sandboxName() {
        return sandboxName;
    }

    /** Clock and UEs: start, pause, step, reset, time scale, UE selection, snapshots, listeners. */
    public SandboxControl control() {
        return control;
    }

    /** Stops serving and stops the clock. */
    @Override
    public void close() {
        server.close();
        control.close();
    }

    /** Configures and starts a {@link MecSandbox}. */
    public static final class Builder {
        private Scenario scenario;
        private String sandboxName;
        private double timeScale = 1;
        private double tickSeconds = MobilityEngine.DEFAULT_TICK_SECONDS;
        private int port = 0;
        private String bindAddress = "0.0.0.0";
        private String advertisedHost;
        private UeSelection ues = UeSelection.all();
        private boolean running = true;

        private Builder() {
        }

        /** The scenario; the bundled Monaco one by default. */
        public Builder scenario(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            return this;
        }

        /** Path prefix, as the ETSI sandbox has one per user: {@code /NAME/location/v2}. None by default. */
        public Builder sandboxName(String name) {
            if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("sandbox name '" + name + "' must be letters, digits, '.', '_' or '-'");
            }
            this.sandboxName = name == null || name.isEmpty() ? null : name;
            return this;
        }

        /** Scenario seconds per wall-clock second (1 = real time, the default). */
        public Builder timeScale(double scale) {
            this.timeScale = scale;
            return this;
        }

        /** Scenario seconds per tick (1 s, the ETSI sandbox's, by default). */
        public Builder tickSeconds(double seconds) {
            this.tickSeconds = seconds;
            return this;
        }

        /** TCP port; 0 (the default) picks a free one, see {@link MecSandbox#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range: give 0 to 65535 (0 = any free port)");
            }
            this.port = port;
            return this;
        }

        /** Address to listen on: {@code 0.0.0.0} (all, the default) lets containers reach it via a management address. */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /** Host name or address put in {@link #baseUrl()}; the bind address, or 127.0.0.1 for 0.0.0.0, by default. */
        public Builder advertisedHost(String host) {
            this.advertisedHost = host;
            return this;
        }

        /** Which UEs take part; every UE of the scenario by default. */
        public Builder ues(UeSelection selection) {
            this.ues = Objects.requireNonNull(selection, "ues");
            return this;
        }

        /** Starts with the clock paused: time then advances only through {@link SandboxControl#step(int)}. */
        public Builder paused() {
            this.running = false;
            return this;
        }

        /** Starts serving; the clock runs unless {@link #paused()} was called. */
        public MecSandbox start() {
            Scenario s = scenario == null ? Scenario.monaco() : scenario;
            SandboxControl control = new SandboxControl(s, ues, timeScale, tickSeconds);
            SandboxServer server;
            try {
                server = SandboxServer.start(control, sandboxName, bindAddress, port);
            } catch (RuntimeException e) {
                control.close();
                throw new IllegalStateException("cannot listen on " + bindAddress + ":" + port + " (" + rootCause(e)
                        + "): choose another --port, or stop what holds it", e);
            }
            if (running) {
                control.start();
            }
            String host = advertisedHost != null ? advertisedHost
                    : bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
            return new MecSandbox(control, server, sandboxName, host);
        }

        private static String rootCause(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t.toString();
        }
    }
}

package io.mecmig.testbed;

import java.nio.file.Path;

/**
 * How many MEC hosts the testbed has, what they are called, and where it keeps its files.
 *
 * <p>Two testbeds with different {@code prefix} and {@code plane} can run side by side: the default one
 * ({@code meh-*}, plane 0) for people and experiments, and the one of the testbed's own integration
 * tests ({@code mit-*}, plane 1), so those tests never tear down a testbed someone is using.
 *
 * @param hosts    number of hosts, 2 to {@value #MAX_HOSTS}: {prefix}-src, {prefix}-dst, then {prefix}-3, ...
 * @param prefix   host name prefix, 2-4 lower-case letters
 * @param plane    0 or 1: which part of 10.77.0.0/16 the addresses come from (see {@link TestbedLayout})
 * @param stateDir persistent state: each host's Docker data root (images survive {@code down}), ssh keys
 * @param runDir   runtime state: sockets, pid files, exec roots (removed by {@code down})
 * @param logDir   daemon logs
 */
public record TestbedConfig(int hosts, String prefix, int plane, Path stateDir, Path runDir, Path logDir) {

    /** The most hosts the address plan has room for. */
    public static final int MAX_HOSTS = 8;

    public TestbedConfig {
        if (hosts < 2 || hosts > MAX_HOSTS) {
            throw new IllegalArgumentException("the testbed has 2 to " + MAX_HOSTS + " hosts, not " + hosts);
        }
        if (prefix == null || !prefix.matches("[a-z]{2,4}")) {
            throw new IllegalArgumentException("host name prefix '" + prefix + "' must be 2-4 lower-case letters, e.g. meh");
        }
        if (plane != 0 && plane != 1) {
            throw new IllegalArgumentException("address plane must be 0 or 1, not " + plane);
        }
    }

    /** Two hosts meh-src and meh-dst, state in /var/lib/mecmig, runtime files in /run/mecmig, logs in /var/log/mecmig. */
    public static TestbedConfig defaults() {
        return new TestbedConfig(2, "meh", 0, Path.of("/var/lib/mecmig"), Path.of("/run/mecmig"), Path.of("/var/log/mecmig"));
    }

    /** A separate testbed (mit-src, mit-dst, addresses 10.77.100.0 and up) for tests that create and destroy it. */
    public static TestbedConfig isolatedForTests() {
        return new TestbedConfig(2, "mit", 1, Path.of("/var/lib/mecmig/it"), Path.of("/run/mecmig/it"),
                Path.of("/var/log/mecmig/it"));
    }

    /** The same with {@code count} hosts. */
    public TestbedConfig withHosts(int count) {
        return new TestbedConfig(count, prefix, plane, stateDir, runDir, logDir);
    }
}

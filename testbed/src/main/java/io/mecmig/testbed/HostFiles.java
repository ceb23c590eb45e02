package io.mecmig.testbed;

import java.nio.file.Path;

/**
 * Where one host keeps its files.
 *
 * @param host     host name
 * @param stateDir persistent: {@code <state>/<host>} (Docker data root, sshd config and host key)
 * @param runDir   runtime: {@code <run>/<host>} (sockets, pid files, Docker exec root)
 * @param logDir   shared log folder
 */
record HostFiles(String host, Path stateDir, Path runDir, Path logDir) {

    static HostFiles of(TestbedConfig config, String host) {
        return new HostFiles(host, config.stateDir().resolve(host), config.runDir().resolve(host), config.logDir());
    }

    Path dockerDataRoot() {
        return stateDir.resolve("docker");
    }

    Path dockerConfig() {
        return stateDir.resolve("daemon.json");
    }

    Path dockerExecRoot() {
        return runDir.resolve("docker");
    }

    Path dockerSocket() {
        return runDir.resolve("docker.sock");
    }

    Path dockerPidFile() {
        return runDir.resolve("dockerd.pid");
    }

    Path dockerLog() {
        return logDir.resolve(host + "-dockerd.log");
    }

    Path sshDir() {
        return stateDir.resolve("ssh");
    }

    Path sshdConfig() {
        return sshDir().resolve("sshd_config");
    }

    Path sshHostKey() {
        return sshDir().resolve("ssh_host_ed25519_key");
    }

    Path sshdPidFile() {
        return runDir.resolve("sshd.pid");
    }

    Path sshdLog() {
        return logDir.resolve(host + "-sshd.log");
    }
}

package io.mecmig.testbed;

import io.mecmig.core.SecureFiles;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A private certificate authority for mutual TLS between the orchestrator and the hosts' dockerds, made with
 * openssl: a CA, one server certificate per host (naming the addresses its dockerd listens on) and one client
 * certificate. Each set is a folder laid out as docker's {@code --tlsverify} expects: {@code ca.pem},
 * {@code cert.pem}, {@code key.pem}. Folders are 0700 and files 0600.
 *
 * <p>Made once and kept (like the SSH keys), so a pinned CA stays valid across {@code down} and {@code up}; a
 * certificate that no longer checks out against the CA, names other addresses, or expires within 30 days is
 * made again.
 */
public final class DockerTlsCerts {

    /** The port dockerd serves its Engine API over TLS on, as Docker's documentation uses it. */
    public static final int PORT = 2376;

    private static final int CA_DAYS = 3650;
    private static final int LEAF_DAYS = 825;
    private static final String RENEW_WITHIN_SECONDS = String.valueOf(30 * 24 * 3600);

    private final CommandRunner runner;
    private final Path dir;

    /** The certificates under {@code dir} (created as needed). */
    public DockerTlsCerts(CommandRunner runner, Path dir) {
        this.runner = runner;
        this.dir = dir;
    }

    /** The testbed's certificates, under {@code <state>/docker-tls}. */
    static DockerTlsCerts of(CommandRunner runner, TestbedConfig config) {
        return new DockerTlsCerts(runner, config.stateDir().resolve("docker-tls"));
    }

    /** The client's folder ({@code ca.pem}, {@code cert.pem}, {@code key.pem}), made or renewed as needed. */
    public Path ensureClient() {
        return ensureLeaf(clientFolder(), "mecmig-orchestrator", "clientAuth", List.of());
    }

    /** Where the client's files are (see {@link #ensureClient()}). */
    public Path clientFolder() {
        return dir.resolve("client");
    }

    /**
     * The server folder of {@code host}, whose certificate names {@code addresses} (IPv4), made or renewed as
     * needed.
     */
    public Path ensureServer(String host, List<String> addresses) {
        return ensureLeaf(dir.resolve("server-" + host), host, "serverAuth", addresses);
    }

    private Path caFolder() {
        return dir.resolve("ca");
    }

    private Path ensureCa() {
        Path ca = caFolder();
        Path cert = ca.resolve("ca.pem");
        Path key = ca.resolve("ca-key.pem");
        SecureFiles.privateDirectory(ca);
        if (Files.isRegularFile(key) && Files.isRegularFile(cert) && notExpiring(cert)) {
            return ca;
        }
        Path config = writeConfig(ca, "mecmig testbed Docker CA", "basicConstraints = critical,CA:TRUE\n"
                + "keyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n");
        newKey(key);
        require(openssl("req", "-new", "-x509", "-config", config.toString(), "-extensions", "ext", "-key",
                key.toString(), "-days", String.valueOf(CA_DAYS), "-out", cert.toString()));
        SecureFiles.restrictTree(ca);
        return ca;
    }

    private Path ensureLeaf(Path folder, String name, String usage, List<String> addresses) {
        Path ca = ensureCa();
        SecureFiles.privateDirectory(dir);
        SecureFiles.privateDirectory(folder);
        Path cert = folder.resolve("cert.pem");
        Path key = folder.resolve("key.pem");
        String san = addresses.stream().map(a -> "IP:" + a).collect(Collectors.joining(","));
        String extensions = "basicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\n"
                + "extendedKeyUsage = " + usage + "\n" + (san.isEmpty() ? "" : "subjectAltName = " + san + "\n");
        Path config = folder.resolve("openssl.cnf");
        if (Files.isRegularFile(key) && Files.isRegularFile(cert) && sameText(config, configText(name, extensions))
                && sameText(folder.resolve("ca.pem"), read(ca.resolve("ca.pem"))) && notExpiring(cert)
                && runner.succeeds(openssl("verify", "-CAfile", ca.resolve("ca.pem").toString(), cert.toString()))) {
            return folder;
        }
        writeConfig(folder, name, extensions);
        newKey(key);
        Path request = folder.resolve("request.csr");
        require(openssl("req", "-new", "-config", config.toString(), "-key", key.toString(), "-out", request.toString()));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String serial = "0x" + HexFormat.of().formatHex(random);
        require(openssl("x509", "-req", "-in", request.toString(), "-CA", ca.resolve("ca.pem").toString(),
                "-CAkey", ca.resolve("ca-key.pem").toString(), "-set_serial", serial, "-days", String.valueOf(LEAF_DAYS),
                "-extfile", config.toString(), "-extensions", "ext", "-out", cert.toString()));
        try {
            Files.delete(request);
            Files.copy(ca.resolve("ca.pem"), folder.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TestbedException("cannot finish the TLS files in " + folder + ": " + e.getMessage());
        }
        SecureFiles.restrictTree(folder);
        return folder;
    }

    /** A new EC P-256 key, written into a file that is 0600 before openssl writes anything into it. */
    private void newKey(Path key) {
        SecureFiles.privateFile(key);
        require(openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString()));
    }

    private Path writeConfig(Path folder, String name, String extensions) {
        Path config = folder.resolve("openssl.cnf");
        try {
            Files.writeString(SecureFiles.privateFile(config), configText(name, extensions));
        } catch (IOException e) {
            throw new TestbedException("cannot write " + config + ": " + e.getMessage());
        }
        return config;
    }

    private static String configText(String name, String extensions) {
        return "[req]\nprompt = no\ndistinguished_name = dn\n[dn]\nCN = " + name + "\n[ext]\n" + extensions;
    }

    private boolean notExpiring(Path cert) {
        return runner.succeeds(openssl("x509", "-noout", "-checkend", RENEW_WITHIN_SECONDS, "-in", cert.toString()));
    }

    private static boolean sameText(Path file, String text) {
        return Files.isRegularFile(file) && read(file).equals(text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TestbedException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Command openssl(String... args) {
        return Command.of("openssl").with(args);
    }

    private void require(Command command) {
        // openssl's error output names the file and the problem; it never prints key material.
        runner.require(command);
    }
}

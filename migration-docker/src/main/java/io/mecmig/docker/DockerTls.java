package io.mecmig.docker;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.SSLConfig;
import io.mecmig.core.InvalidMigrationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Mutual TLS to a dockerd's {@code tcp://} listener, from a folder laid out as {@code docker --tlsverify} reads
 * {@code ~/.docker}: {@code ca.pem} (the CA that signed the daemon's certificate), {@code cert.pem} and
 * {@code key.pem} (this client's certificate and key, signed by the CA the daemon trusts with
 * {@code --tlscacert}). The daemon's certificate is verified against {@code ca.pem} and must name the address
 * dialled; the daemon in turn verifies ours.
 *
 * <p>The files are checked when this is created, so bad input fails before anything connects. Their content is
 * never logged or put into a message: errors name files and fixes only.
 *
 * @param folder the folder holding the three files
 */
public record DockerTls(Path folder) {

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * Checks the folder: the three files exist and are readable, and the key is readable by its owner only.
     *
     * @throws InvalidMigrationException naming the file and how to fix it
     */
    public DockerTls {
        if (folder == null) {
            throw new InvalidMigrationException("no TLS folder given for the Docker endpoint: give a folder holding"
                    + " ca.pem, cert.pem and key.pem (as docker --tlsverify reads them)");
        }
        folder = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new InvalidMigrationException("the Docker TLS folder " + folder + " does not exist: create it with"
                    + " ca.pem, cert.pem and key.pem (the daemon's CA, this client's certificate and its key)");
        }
        requireReadable(folder.resolve("ca.pem"), "the CA certificate that signed the daemon's --tlscert");
        requireReadable(folder.resolve("cert.pem"), "this client's certificate, signed by the CA the daemon trusts"
                + " (its --tlscacert)");
        requireReadable(folder.resolve("key.pem"), "this client's private key");
        requirePrivate(folder.resolve("key.pem"));
    }

    /** The CA certificate the daemon's certificate is checked against. */
    public Path ca() {
        return folder.resolve("ca.pem");
    }

    /** This client's certificate. */
    public Path cert() {
        return folder.resolve("cert.pem");
    }

    /** This client's private key. */
    public Path key() {
        return folder.resolve("key.pem");
    }

    /**
     * The TLS context of docker-java's transports, loaded now so that a file that is not PEM fails here.
     *
     * @throws InvalidMigrationException when the files cannot be loaded
     */
    SSLConfig sslConfig() {
        SSLContext context;
        try {
            context = new LocalDirectorySSLConfig(folder.toString()).getSSLContext();
        } catch (Exception | LinkageError e) {
            // The class and message of the failure only: never the files' content.
            throw new InvalidMigrationException("cannot load the Docker TLS files in " + folder + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): ca.pem and cert.pem must be PEM"
                    + " certificates and key.pem an unencrypted PEM private key (RSA or EC), as openssl writes them");
        }
        if (context == null) {
            throw new InvalidMigrationException("docker-java found no ca.pem, cert.pem and key.pem in " + folder
                    + ": put them there");
        }
        return () -> context;
    }

    /**
     * Why a TLS connection to {@code uri} failed, and what to do about it, for errors a user reads. Falls back to
     * the failure's own message when it was not about TLS.
     */
    String explain(URI uri, Throwable failure) {
        String lower = causes(failure).toLowerCase(java.util.Locale.ROOT);
        String all = rootCause(failure); // the chain repeats itself; its deepest link says what happened
        if (has(failure, ConnectException.class)) {
            return "nothing accepts connections at " + uri + " (" + all + "): start that dockerd with -H "
                    + uri + " --tlsverify --tlscacert, --tlscert and --tlskey, or correct the endpoint";
        }
        if (lower.contains("pkix") || lower.contains("certification path") || lower.contains("subject alternative")
                || lower.contains("doesn't match") || lower.contains("does not match")) {
            return "the Docker daemon at " + uri + " presented a certificate that " + ca() + " does not vouch for ("
                    + all + "): put the CA that signed the daemon's --tlscert into " + ca() + ", and make sure the"
                    + " daemon's certificate names the address dialled (subjectAltName IP:" + uri.getHost() + ")";
        }
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
            return uri + " does not speak TLS (" + all + "): start that dockerd with --tlsverify on this port,"
                    + " or use its plain endpoint only through SSH (ssh+unix://)";
        }
        if (has(failure, SSLException.class) || lower.contains("bad_certificate") || lower.contains("unknown_ca")
                || lower.contains("certificate_required") || lower.contains("broken pipe")
                || lower.contains("connection reset")) {
            return "the Docker daemon at " + uri + " refused this client's certificate " + cert() + " (" + all
                    + "): it must be signed by the CA the daemon trusts (its --tlscacert) and be meant for client"
                    + " authentication (extendedKeyUsage clientAuth); make one with that CA and put it and its key"
                    + " into " + folder;
        }
        return "cannot reach the Docker daemon at " + uri + " over TLS (" + all + ")";
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidMigrationException("the Docker TLS folder " + file.getParent() + " has no readable "
                    + file.getFileName() + " (" + what + "): put it there, as docker --tlsverify expects it");
        }
    }

    private static void requirePrivate(Path key) {
        try {
            Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(key));
            open.retainAll(OPEN_TO_OTHERS);
            if (!open.isEmpty()) {
                throw new InvalidMigrationException("the Docker TLS key " + key + " is open to others than its"
                        + " owner (whoever reads it is root on that Docker host): run chmod 600 " + key);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new InvalidMigrationException("cannot read the permissions of " + key + " (" + e.getMessage()
                    + "): make it a regular file readable by its owner only");
        }
    }
}

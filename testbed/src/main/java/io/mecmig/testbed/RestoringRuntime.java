package io.mecmig.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The OCI runtime {@value #NAME} the testbed's dockerds offer besides runc: runc, except that a container
 * whose CRIU images wait in its spool folder is restored from them by a plain {@code docker start}
 * (migration-criu's fullsp-delta restores through it; the names there must be the same), and that a
 * command of a container can be held at a gate, a FIFO in {@code /run/mecmig/gates} (migration-docker's
 * StartGate; FCCP's prepared start, fullsp-delta's prepared restore). It is a short shell script, installed at
 * {@value #PATH} and registered under {@code runtimes} in each host's {@code daemon.json}, with the CRIU its
 * restores run behind a restore gate, {@value #CRIU_GATE} (a short Python script).
 */
final class RestoringRuntime {

    static final String NAME = "mecmig-restore";
    static final String PATH = "/usr/local/libexec/mecmig/runc-restore";
    static final String CRIU_GATE = "/usr/local/libexec/mecmig/criu-gate";

    private RestoringRuntime() {
    }

    /** Writes both scripts (0755) unless they are there already with the same content; the CRIU gate first. */
    static void install() {
        install("criu-gate", Path.of(CRIU_GATE));
        install("runc-restore", Path.of(PATH));
    }

    private static void install(String resource, Path path) {
        try (InputStream in = RestoringRuntime.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TestbedException(resource + " is missing from the testbed jar: rebuild mecmig");
            }
            byte[] script = in.readAllBytes();
            if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), script)) {
                return;
            }
            Files.createDirectories(path.getParent());
            Path fresh = path.resolveSibling("." + resource + ".new");
            Files.write(fresh, script);
            Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwxr-xr-x"));
            // Renamed into place: a dockerd starting a container meanwhile never runs a half-written script.
            Files.move(fresh, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TestbedException("cannot install " + resource + " at " + path + ": " + e.getMessage());
        }
    }

    /** The {@code "runtimes"} member of a {@code daemon.json} that registers it. */
    static String daemonJsonMember() {
        return "\"runtimes\": {\"" + NAME + "\": {\"path\": \"" + PATH + "\"}}";
    }
}

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
 * StartGate; FCCP's prepared start). It is a short
 * shell script, installed at {@value #PATH} and registered under {@code runtimes} in each host's
 * {@code daemon.json}.
 */
final class RestoringRuntime {

    static final String NAME = "mecmig-restore";
    static final String PATH = "/usr/local/libexec/mecmig/runc-restore";

    private RestoringRuntime() {
    }

    /** Writes the script to {@value #PATH} (0755) unless it is there already with the same content. */
    static void install() {
        Path path = Path.of(PATH);
        try (InputStream in = RestoringRuntime.class.getResourceAsStream("runc-restore")) {
            if (in == null) {
                throw new TestbedException("runc-restore is missing from the testbed jar: rebuild mecmig");
            }
            byte[] script = in.readAllBytes();
            if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), script)) {
                return;
            }
            Files.createDirectories(path.getParent());
            Path fresh = path.resolveSibling(".runc-restore.new");
            Files.write(fresh, script);
            Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwxr-xr-x"));
            // Renamed into place: a dockerd starting a container meanwhile never runs a half-written script.
            Files.move(fresh, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TestbedException("cannot install the restoring runtime at " + PATH + ": " + e.getMessage());
        }
    }

    /** The {@code "runtimes"} member of a {@code daemon.json} that registers it. */
    static String daemonJsonMember() {
        return "\"runtimes\": {\"" + NAME + "\": {\"path\": \"" + PATH + "\"}}";
    }
}

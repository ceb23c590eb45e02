package io.mecmig.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/** The hosts file the commands read (source.*, target.*: see DockerHostConfig) for hosts of a user's own. */
final class HostsFile {

    /** Where a user may describe two hosts of their own; the testbed's are used when there is none. */
    static final Path DEFAULT = Paths.get("/var/lib/mecmig/testbed/hosts.properties");

    private HostsFile() {
    }

    /**
     * Reads {@code file}.
     *
     * @param whenMissing how to fix a missing file, for the error
     * @throws IllegalArgumentException naming the file and the fix when it is missing or unreadable
     */
    static Properties read(Path file, String whenMissing) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("no hosts file at " + file + ": " + whenMissing);
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the hosts file " + file + ": " + e.getMessage(), e);
        }
        return p;
    }
}

package io.mecmig.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the mecmig checkout lives: the launcher passes it as {@code -Dmecmig.home}. */
final class ProjectHome {

    private ProjectHome() {
    }

    static Path path() {
        String home = System.getProperty("mecmig.home");
        Path path = (home != null ? Path.of(home) : Path.of("")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("pom.xml"))) {
            throw new IllegalStateException("cannot find the mecmig checkout at " + path
                    + ": run the command through ./mecmig at the root of the checkout");
        }
        return path;
    }
}

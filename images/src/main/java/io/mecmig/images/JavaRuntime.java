package io.mecmig.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java runtime of the images: {@code jlink} from the JDK that runs this code, with only the modules the apps
 * need (found with {@code jdeps}; java.desktop, java.sql and JMX are left out, the apps never load them) and the
 * JDK's default CDS archive, which makes class loading at start much faster.
 */
final class JavaRuntime {

    /**
     * Modules the apps load: okhttp/okio and spymemcached log through java.logging, spymemcached needs naming + sasl,
     * and the apps' status server is the JDK's jdk.httpserver.
     */
    static final List<String> MODULES = List.of("java.base", "java.logging", "java.naming", "java.security.sasl",
            "jdk.httpserver");

    private JavaRuntime() {
    }

    /** Identifies the runtime {@link #link} makes: JDK version and modules. */
    static String fingerprint() {
        return "jdk " + System.getProperty("java.vm.version") + " " + System.getProperty("java.vendor") + " modules " + MODULES;
    }

    /** Links the runtime into {@code target} (which must not exist yet). */
    static void link(Path target) {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        if (!Files.isExecutable(jlink)) {
            throw new ImageBuildException("no jlink at " + jlink + ": run mecmig with a full JDK (apt-get install "
                    + "openjdk-17-jdk-headless), not a JRE");
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target.getParent(), e);
        }
        Commands.run(target.getParent(), List.of(jlink.toString(), "--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--generate-cds-archive",
                "--output", target.toString()),
                "jlink needs the JDK's jmods: on Debian, apt-get install openjdk-17-jmods");
        try {
            // Only for heaps over 32 GB; our apps run with -Xmx64m.
            Files.deleteIfExists(target.resolve("lib/server/classes_nocoops.jsa"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

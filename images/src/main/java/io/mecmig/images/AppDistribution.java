package io.mecmig.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars of one app, as its Maven module's {@code package} phase leaves them: the module's own jar in
 * {@code target/} and its runtime dependencies in {@code target/image/lib/}.
 *
 * @param app  the app name ({@code ba}, {@code uspa}, {@code asw})
 * @param jars every jar the app needs at run time
 */
public record AppDistribution(String app, List<Path> jars) {

    public AppDistribution {
        jars = List.copyOf(jars);
    }

    /** The distribution of app {@code app} in the checkout at {@code projectHome} (module {@code apps-<app>}). */
    public static AppDistribution fromProject(Path projectHome, String app) {
        Path target = projectHome.resolve("apps-" + app).resolve("target");
        Path lib = target.resolve("image/lib");
        String fix = "build the apps first: mvn -B -DskipTests package (./mecmig does it when anything is stale)";
        if (!Files.isDirectory(lib)) {
            throw new ImageBuildException("no runtime jars of " + app + " in " + lib + ": " + fix);
        }
        List<Path> jars = new ArrayList<>(jarsIn(lib));
        jars.addAll(jarsIn(target).stream()
                .filter(p -> p.getFileName().toString().startsWith("apps-" + app + "-"))
                .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                .toList());
        if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("apps-" + app + "-"))) {
            throw new ImageBuildException("no apps-" + app + " jar in " + target + ": " + fix);
        }
        return new AppDistribution(app, jars);
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}

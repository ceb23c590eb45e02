package io.mecmig.cli;

import io.mecmig.images.AppImages;
import io.mecmig.images.BuiltImage;
import io.mecmig.images.ImageBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds and caches the base, app and gateway images in a Docker engine. */
@Command(name = "images", description = "Builds and caches the base, app and gateway images in a Docker engine; measures the apps' start and RSS.",
        subcommands = {ImagesCommand.Build.class, ImagesBenchCommand.class})
final class ImagesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("Usage: mecmig images build [--engine unix:///PATH] [--app ba|uspa|asw]...");
        System.out.println("       mecmig images bench [--engine unix:///PATH] [--app ba|uspa|asw]... [--runs 5] [--settle-seconds 3]");
        return 2;
    }

    /** {@code mecmig images build}: builds what is missing or stale, reuses the rest, prints each image's size. */
    @Command(name = "build", description = "Builds the images that are missing or stale (no registry needed) and prints their sizes.")
    static final class Build implements Callable<Integer> {

        @Option(names = "--engine", description = "Docker engine URI (default: $DOCKER_HOST or unix:///var/run/docker.sock).")
        URI engine;

        @Option(names = "--app", description = "Only this app's image (and the base): ba, uspa or asw. Repeatable.")
        List<String> apps = new ArrayList<>();

        @Override
        public Integer call() {
            URI uri = engine != null ? engine : URI.create(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));
            List<BuiltImage> built = new ArrayList<>();
            try (ImageBuilder images = ImageBuilder.on(uri).projectHome(ProjectHome.path())
                    .progress(line -> System.err.println("  " + line)).build()) {
                if (apps.isEmpty()) {
                    built.addAll(images.buildAll());
                } else {
                    built.add(images.baseJava());
                    apps.forEach(app -> built.add(images.app(AppImages.named(app))));
                }
            }
            System.out.printf("%-10s %-30s %10s %-8s %8s%n", "IMAGE", "REFERENCE (also :latest)", "SIZE MB", "", "SECONDS");
            for (BuiltImage image : built) {
                System.out.printf("%-10s %-30s %10.2f %-8s %8.1f%n", image.name(), image.reference(), image.sizeMegabytes(),
                        image.reused() ? "cached" : "built", image.took().toMillis() / 1000.0);
            }
            return 0;
        }
    }
}

package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Builds and caches the base, app and gateway images in a Docker engine. */
@Command(name = "images", description = "Builds and caches the base, app and gateway images in a Docker engine.")
final class ImagesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig images: not available yet in this version.");
        return 2;
    }
}

package io.mecmig.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the host tools the image build needs (apt-get, dpkg-deb, jlink, tar) and turns failures into clear errors. */
final class Commands {

    private Commands() {
    }

    /** Runs {@code command} in {@code dir}; returns its standard output, or fails with its output and {@code fix}. */
    static String run(Path dir, List<String> command, String fix) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new ImageBuildException("'" + String.join(" ", command) + "' failed with exit code " + code + ": "
                        + tail(output) + "\n" + fix);
            }
            return output;
        } catch (IOException e) {
            throw new ImageBuildException("cannot run '" + command.get(0) + "' (" + e.getMessage() + "): " + fix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() > 1500 ? "..." + trimmed.substring(trimmed.length() - 1500) : trimmed;
    }
}

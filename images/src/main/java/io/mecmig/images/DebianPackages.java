package io.mecmig.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian packages fetched with {@code apt-get download} (into a cache folder, once per version) and unpacked with
 * {@code dpkg-deb -x}: no maintainer scripts run, so the result holds the packages' files and nothing else.
 */
final class DebianPackages {

    private static final Pattern URI_LINE = Pattern.compile("^'[^']+' (\\S+\\.deb) \\d+ (\\S+)$", Pattern.MULTILINE);
    private static final String FIX = "run 'apt-get update' (./mecmig setup does) and check that Debian's package "
            + "mirror answers; the image build needs Debian packages, not a registry";

    private final Path cache;

    /** Packages cached in {@code cache}. */
    DebianPackages(Path cache) {
        this.cache = cache;
    }

    /**
     * The {@code .deb} file names (they hold the versions) and checksums apt would fetch for {@code packages}: the
     * fingerprint of a rootfs, known without downloading anything.
     */
    List<String> fingerprint(List<String> packages) {
        Path empty = tempDir("uris");
        try {
            List<String> command = new ArrayList<>(List.of("apt-get", "download", "--print-uris"));
            command.addAll(packages);
            Matcher m = URI_LINE.matcher(Commands.run(empty, command, FIX));
            List<String> lines = new ArrayList<>();
            while (m.find()) {
                lines.add(m.group(1) + " " + m.group(2));
            }
            if (lines.size() != packages.size()) {
                throw new ImageBuildException("apt-get knows only " + lines.size() + " of the packages " + packages + ": " + FIX);
            }
            return lines;
        } finally {
            deleteQuietly(empty);
        }
    }

    /** Downloads what is missing from the cache, then unpacks every package into {@code rootfs}. */
    void unpack(List<String> packages, Path rootfs) {
        for (String line : fingerprint(packages)) {
            String file = line.substring(0, line.indexOf(' '));
            Path deb = cache.resolve(file);
            if (!Files.exists(deb)) {
                String name = file.substring(0, file.indexOf('_'));
                Commands.run(cache, List.of("apt-get", "download", name), FIX);
                if (!Files.exists(deb)) {
                    throw new ImageBuildException("apt-get download " + name + " did not produce " + deb + ": " + FIX);
                }
            }
            Commands.run(cache, List.of("dpkg-deb", "-x", deb.toString(), rootfs.toString()),
                    "check that dpkg-deb is installed and that " + deb + " is not truncated (delete it to fetch it again)");
        }
    }

    private Path tempDir(String prefix) {
        try {
            Files.createDirectories(cache);
            return Files.createTempDirectory(cache, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + cache, e);
        }
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp folder in the cache does no harm
        }
    }
}

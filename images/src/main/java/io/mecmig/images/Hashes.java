package io.mecmig.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Content hashes of image inputs; jar hashes ignore entry timestamps, so a rebuild of unchanged code keeps its tag. */
final class Hashes {

    private final MessageDigest digest;

    Hashes() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Hashes add(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    /** Adds the names and contents of a jar's entries, in name order. */
    Hashes addJar(Path jar) {
        add(jar.getFileName().toString());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                add(entry.getName());
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return this;
    }

    /** The first 12 hex digits: the image tag. */
    String tag() {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}

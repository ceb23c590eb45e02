package io.mecmig.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold an app's state (checkpoints, volume archives, journals) are readable by their owner
 * only: folders 0700, files 0600. Every module that writes such files on the controller goes through here.
 */
public final class SecureFiles {

    /** rwx------ */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** rw------- */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private SecureFiles() {
    }

    /**
     * Creates {@code dir} and any missing parents; {@code dir} itself ends up 0700 (tightened if it
     * existed with wider rights). Parents that exist are left alone; new ones are 0700 too.
     *
     * @param dir the folder
     * @return {@code dir}
     */
    public static Path privateDirectory(Path dir) {
        try {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                privateDirectory(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw new MigrationException(dir + " exists and is not a folder: remove it or choose another path");
                }
            }
            Files.setPosixFilePermissions(dir, DIRECTORY); // the umask may have narrowed or the folder pre-existed
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create private folder " + dir + ": check its parent's owner"
                    + " and permissions", e);
        }
    }

    /**
     * Creates the empty file {@code file} with mode 0600, or tightens an existing one to 0600.
     *
     * @param file the file
     * @return {@code file}
     */
    public static Path privateFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
            Files.setPosixFilePermissions(file, FILE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create private file " + file + ": check the folder's owner and"
                    + " permissions", e);
        }
    }

    /**
     * Sets 0700 on every folder and 0600 on every file under {@code root}, {@code root} included.
     *
     * @param root the top of the tree
     */
    public static void restrictTree(Path root) {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict permissions under " + root, e);
        }
    }
}

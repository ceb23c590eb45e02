package io.mecmig.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Helpers that turn unpacked Debian packages into a small, runnable root filesystem, and tar it. */
final class Rootfs {

    /** Files no container needs: docs, manuals, translations, iconv modules (the JVM does its own charsets). */
    private static final List<String> PRUNED = List.of("usr/share/doc", "usr/share/man", "usr/share/info",
            "usr/share/locale", "usr/share/lintian", "usr/share/bug", "usr/lib/x86_64-linux-gnu/gconv",
            "usr/share/bash-completion", "lib/systemd", "usr/lib/tmpfiles.d", "etc/init.d", "etc/default");

    private Rootfs() {
    }

    /** Removes documentation and other files no container reads. */
    static void prune(Path rootfs) {
        for (String path : PRUNED) {
            Path p = rootfs.resolve(path);
            if (Files.exists(p)) {
                DebianPackages.deleteQuietly(p);
            }
        }
    }

    /** Links every applet of {@code /bin/busybox} (sh, tar, ls, ps, nc, ...) into {@code /bin}. */
    static void linkBusybox(Path rootfs) {
        Path busybox = rootfs.resolve("bin/busybox");
        String list = Commands.run(rootfs, List.of(busybox.toString(), "--list"), "busybox-static did not unpack to /bin/busybox");
        try {
            for (String applet : list.split("\\s+")) {
                Path link = rootfs.resolve("bin").resolve(applet);
                if (!applet.isBlank() && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, Path.of("busybox"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link busybox applets in " + rootfs, e);
        }
    }

    /** Writes the few files a process expects: users, name service order, and a world-writable /tmp. */
    static void addSystemFiles(Path rootfs) {
        addSystemFiles(rootfs, "", "");
    }

    /** As {@link #addSystemFiles(Path)}, with extra {@code /etc/passwd} and {@code /etc/group} lines (e.g. www-data). */
    static void addSystemFiles(Path rootfs, String extraPasswd, String extraGroup) {
        try {
            Files.createDirectories(rootfs.resolve("etc"));
            Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n" + extraPasswd);
            Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n" + extraGroup);
            Files.writeString(rootfs.resolve("etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
            for (String dir : List.of("root", "tmp", "var/log/mecmig", "app")) {
                Files.createDirectories(rootfs.resolve(dir));
            }
            Files.setPosixFilePermissions(rootfs.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write system files into " + rootfs, e);
        }
    }

    /** Tars {@code rootfs} (owned by root, numeric ids) into {@code tarball}. */
    static void tar(Path rootfs, Path tarball) {
        // PosixFilePermissions cannot express /tmp's sticky bit; chmod can.
        if (Files.isDirectory(rootfs.resolve("tmp"))) {
            Commands.run(rootfs, List.of("chmod", "1777", "tmp"), "chmod is needed to build the rootfs");
        }
        Commands.run(rootfs, List.of("tar", "--numeric-owner", "--owner=0", "--group=0", "-cf", tarball.toString(), "."),
                "GNU tar is needed to build the rootfs");
    }
}

package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes every program that looks {@code criu} up on its PATH (runc, run by containerd, run by dockerd)
 * find the new CRIU, whatever PATH the daemon was started with: {@code /usr/sbin/criu} becomes a link to
 * it. A packaged criu there is moved aside with {@code dpkg-divert}, so package upgrades do not undo this.
 */
public final class CriuOnPathStep implements SetupStep {

    private final CommandRunner runner;
    private final SetupPaths paths;

    public CriuOnPathStep(CommandRunner runner, SetupPaths paths) {
        this.runner = runner;
        this.paths = paths;
    }

    @Override
    public String title() {
        return paths.distroCriu() + " -> " + paths.criuBinary();
    }

    @Override
    public boolean isDone() {
        try {
            return Files.isSymbolicLink(paths.distroCriu())
                    && Files.readSymbolicLink(paths.distroCriu()).equals(paths.criuBinary());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String apply() {
        Path link = paths.distroCriu();
        String what = "linked";
        try {
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (runner.succeeds(Command.of("dpkg", "-S", link.toString()))) {
                    runner.require(Command.of("dpkg-divert", "--local", "--rename", "--divert",
                            link + ".distrib", "--add", link.toString()));
                    what = "moved the packaged criu aside (dpkg-divert to " + link + ".distrib) and linked";
                } else {
                    Files.delete(link);
                }
            }
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, paths.criuBinary());
        } catch (IOException e) {
            throw new SetupException("cannot link " + link + " to " + paths.criuBinary() + ": " + e.getMessage());
        }
        return what;
    }

    @Override
    public String verify() {
        // The PATH a daemon started without /usr/local in it would have.
        String version = runner.output(Command.of("criu", "--version").withEnv("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        CriuVersion found = CriuVersion.parse(version);
        if (!found.atLeast(CriuVersion.MINIMUM)) {
            throw new SetupException("`criu` on a plain PATH is still " + found + ": remove " + paths.distroCriu()
                    + " and run setup again");
        }
        return "`criu` on a plain PATH is " + found;
    }
}

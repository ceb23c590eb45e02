package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.SafeArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Downloads a source tarball of Debian unstable (sid) from the mirror the machine already uses.
 *
 * <p>It uses a private apt configuration (its own sources file and lists folder under the cache), so
 * the machine's {@code /etc/apt} is never changed and no later {@code apt-get install} can pull
 * packages from sid.
 */
public final class DebianSourceDownload {

    private static final String DEFAULT_KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";

    private final CommandRunner runner;
    private final SetupPaths paths;

    public DebianSourceDownload(CommandRunner runner, SetupPaths paths) {
        this.runner = runner;
        this.paths = paths;
    }

    /** The one deb-src line of the private sources file, built from the machine's main archive. */
    public static String sidSourceLine(AptSources sources, String codename) {
        AptSources.Entry archive = sources.mainArchive(codename).orElseThrow(() -> new SetupException(
                "no Debian archive for '" + codename + "' in the apt sources, so Debian's CRIU source cannot be"
                        + " fetched: add your Debian mirror to /etc/apt/sources.list, or install CRIU >= "
                        + CriuVersion.MINIMUM + " as /usr/local/sbin/criu by hand"));
        String uri = archive.uri();
        if (!uri.matches("(https?|file)://[A-Za-z0-9._~:/%@+-]+")) {
            throw new SetupException("the apt source URI '" + uri + "' is not a plain http(s) or file URI;"
                    + " install CRIU >= " + CriuVersion.MINIMUM + " as /usr/local/sbin/criu by hand");
        }
        String keyring = archive.signedBy().orElse(DEFAULT_KEYRING);
        return "deb-src [signed-by=" + keyring + "] " + uri + " sid main";
    }

    /**
     * Downloads {@code pkg=version}'s files into {@code target} and returns the path of {@code expectedFile}.
     * apt may fail on one of the files (the Debian diff answered 404 on our mirror) while the tarball
     * we need arrives: the tarball's presence, not apt's exit status, is what counts.
     */
    public Path download(String codename, String pkg, String version, String expectedFile, Path target) {
        SafeArgs.debianPackage(pkg);
        if (!version.matches("[0-9][A-Za-z0-9.+~-]*") || !expectedFile.matches("[A-Za-z0-9._+~-]+")) {
            throw new IllegalArgumentException("bad version or file name: " + version + " " + expectedFile);
        }
        Path aptDir = paths.cacheDir().resolve("apt-sid");
        Path sourcesFile = aptDir.resolve("sources.list");
        Path lists = aptDir.resolve("lists");
        try {
            Files.createDirectories(lists.resolve("partial"));
            Files.createDirectories(target);
            Files.writeString(sourcesFile, sidSourceLine(AptSources.read(paths.aptSourcesDir()), codename) + "\n");
        } catch (IOException e) {
            throw new SetupException("cannot prepare " + aptDir + ": " + e.getMessage());
        }
        List<String> privateApt = List.of("apt-get",
                "-o", "Dir::Etc::sourcelist=" + sourcesFile,
                "-o", "Dir::Etc::sourceparts=-",
                "-o", "Dir::State::Lists=" + lists,
                "-o", "APT::Get::List-Cleanup=0");
        runner.require(Command.of(privateApt).with("-q", "update").withTimeout(Duration.ofMinutes(5)));
        CommandResult fetched = runner.run(Command.of(privateApt)
                .with("source", "--download-only", pkg + "=" + version)
                .in(target).withTimeout(Duration.ofMinutes(10)));
        Path tarball = target.resolve(expectedFile);
        if (!Files.isRegularFile(tarball)) {
            throw new SetupException("Debian's source of " + pkg + " " + version + " did not arrive ("
                    + expectedFile + " missing; apt said: " + fetched.stderr().strip() + "). Put " + expectedFile
                    + " into " + target + " by hand and run setup again");
        }
        return tarball;
    }
}

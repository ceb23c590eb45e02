package io.mecmig.docker.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command line to run on a host through its {@link SshChannel}. Built from arguments, each quoted for the
 * remote POSIX shell, so that file and container names never turn into shell syntax; pipelines are joined
 * from such commands with {@link #pipe(RemoteCommand)} and {@link #then(RemoteCommand)}.
 *
 * @param line the shell line sent to the host
 */
public record RemoteCommand(String line) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public RemoteCommand {
        Objects.requireNonNull(line, "line");
        if (line.isBlank()) {
            throw new IllegalArgumentException("empty remote command");
        }
    }

    /** The command {@code program args...}, every word quoted. */
    public static RemoteCommand of(String program, String... args) {
        List<String> words = new ArrayList<>();
        words.add(program);
        words.addAll(List.of(args));
        return of(words);
    }

    /** The command whose words are {@code argv}, every word quoted. */
    public static RemoteCommand of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty remote command");
        }
        List<String> quoted = argv.stream().map(RemoteCommand::quote).toList();
        return new RemoteCommand(String.join(" ", quoted));
    }

    /**
     * {@code install -d -m 0700 dirs...}: creates the folders (parents too) or tightens existing ones, so that
     * checkpoints, tarballs and volume archives inside are readable by their owner only.
     */
    public static RemoteCommand privateFolders(String... dirs) {
        if (dirs.length == 0) {
            throw new IllegalArgumentException("no folder to create");
        }
        List<String> argv = new ArrayList<>(List.of("install", "-d", "-m", "0700", "--"));
        argv.addAll(List.of(dirs));
        return of(argv);
    }

    /**
     * {@code umask 077; this}: what the line creates is readable by its owner only. Every command of an
     * {@link SshChannel} runs so; a line handed to another ssh (a receiver started from a peer) needs it too.
     */
    public RemoteCommand privately() {
        return new RemoteCommand(SshChannel.UMASK + line);
    }

    /** {@code this | next}. */
    public RemoteCommand pipe(RemoteCommand next) {
        return new RemoteCommand(line + " | " + next.line);
    }

    /** {@code this && next}. */
    public RemoteCommand then(RemoteCommand next) {
        return new RemoteCommand(line + " && " + next.line);
    }

    /** {@code this > file}. */
    public RemoteCommand into(String file) {
        return new RemoteCommand(line + " > " + quote(file));
    }

    /** {@code this < file}. */
    public RemoteCommand from(String file) {
        return new RemoteCommand(line + " < " + quote(file));
    }

    /** {@code timeout SECONDS this} as one shell: bounds the whole line, pipelines included. */
    public RemoteCommand bounded(long seconds) {
        return of("timeout", String.valueOf(Math.max(1, seconds)), "sh", "-c", line);
    }

    /** Quotes one word for a POSIX shell; plain words stay as they are so that logs stay readable. */
    public static String quote(String word) {
        Objects.requireNonNull(word, "word");
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public String toString() {
        return line;
    }
}

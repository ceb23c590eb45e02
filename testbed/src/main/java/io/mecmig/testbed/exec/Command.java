package io.mecmig.testbed.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One program invocation as an argument vector: no shell is involved, so no argument is ever
 * interpreted. Immutable; the {@code with...} methods return a changed copy.
 *
 * @param argv        the program and its arguments, never empty
 * @param timeout     how long the program may run before it is killed
 * @param directory   working directory, or {@code null} for the caller's
 * @param environment variables added to (or replacing) the caller's environment
 * @param stdin       text fed to the program's standard input, or {@code null} for none
 */
public record Command(List<String> argv, Duration timeout, Path directory, Map<String, String> environment,
                      String stdin) {

    /** Default timeout: long enough for any quick system tool, short enough to notice a hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program name");
        }
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL byte in command argument: " + arg);
            }
        }
        Objects.requireNonNull(timeout, "timeout");
        environment = Map.copyOf(environment);
    }

    /** A command with the default timeout, the caller's directory and environment, and no input. */
    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    /** A command with the default timeout, the caller's directory and environment, and no input. */
    public static Command of(List<String> argv) {
        return new Command(argv, DEFAULT_TIMEOUT, null, Map.of(), null);
    }

    /** This command with more arguments appended. */
    public Command with(String... moreArgs) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(List.of(moreArgs));
        return new Command(all, timeout, directory, environment, stdin);
    }

    /** This command prefixed by a wrapper such as {@code nsenter --net=... --}. */
    public Command prefixedBy(List<String> wrapper) {
        List<String> all = new ArrayList<>(wrapper);
        all.addAll(argv);
        return new Command(all, timeout, directory, environment, stdin);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(argv, newTimeout, directory, environment, stdin);
    }

    public Command in(Path newDirectory) {
        return new Command(argv, timeout, newDirectory, environment, stdin);
    }

    public Command withEnv(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new Command(argv, timeout, directory, env, stdin);
    }

    public Command withStdin(String input) {
        return new Command(argv, timeout, directory, environment, input);
    }

    /** The program name (first element of {@link #argv()}). */
    public String program() {
        return argv.get(0);
    }

    /** A readable, shell-like rendering for messages and logs (quoted where needed; never executed). */
    public String display() {
        return argv.stream().map(Command::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=,@%+".indexOf(c) >= 0)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return display();
    }
}

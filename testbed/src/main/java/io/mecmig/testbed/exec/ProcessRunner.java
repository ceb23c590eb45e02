package io.mecmig.testbed.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes of this JVM. Thread-safe. */
public final class ProcessRunner implements CommandRunner {

    @Override
    public CommandResult run(Command command) {
        long start = System.nanoTime();
        Process process = start(command);
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        feed(process, command.stdin());
        try {
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new CommandFailedException("`" + command.display() + "` did not finish within "
                        + command.timeout().toSeconds() + " s and was killed", null, null);
            }
            return new CommandResult(command, process.exitValue(), stdout.get(), stderr.get(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted while running `" + command.display() + "`", null, e);
        } catch (ExecutionException e) {
            throw new CommandFailedException("cannot read the output of `" + command.display() + "`", null, e);
        }
    }

    @Override
    public long startDetached(Command command, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            // setsid: own session and process group, so a Ctrl-C on the CLI does not reach the daemon.
            ProcessBuilder builder = builder(command.prefixedBy(List.of("setsid")))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            return builder.start().pid();
        } catch (IOException e) {
            throw new CommandFailedException("cannot start `" + command.display() + "`: " + e.getMessage(), null, e);
        }
    }

    private static Process start(Command command) {
        try {
            return builder(command).start();
        } catch (IOException e) {
            throw new CommandFailedException("cannot start `" + command.display() + "`: " + e.getMessage()
                    + " (is " + command.program() + " installed? `./mecmig setup` installs what mecmig needs)", null, e);
        }
    }

    private static ProcessBuilder builder(Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        if (command.directory() != null) {
            builder.directory(command.directory().toFile());
        }
        builder.environment().putAll(command.environment());
        return builder;
    }

    private static void feed(Process process, String stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The program closed its input early; its exit status tells what happened.
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

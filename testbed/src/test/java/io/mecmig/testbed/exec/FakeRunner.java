package io.mecmig.testbed.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A scripted {@link CommandRunner} for unit tests: answers by command prefix and records what ran. */
public class FakeRunner implements CommandRunner {

    private final Map<String, Function<Command, CommandResult>> answers = new LinkedHashMap<>();
    private final List<Command> ran = new ArrayList<>();
    private final List<Command> started = new ArrayList<>();

    /** Answers commands whose display starts with {@code prefix} with exit status 0 and {@code stdout}. */
    public FakeRunner answer(String prefix, String stdout) {
        return answer(prefix, 0, stdout, "");
    }

    /** Answers commands whose display starts with {@code prefix}; the longest matching prefix wins. */
    public FakeRunner answer(String prefix, int exit, String stdout, String stderr) {
        answers.put(prefix, c -> new CommandResult(c, exit, stdout, stderr, Duration.ZERO));
        return this;
    }

    @Override
    public CommandResult run(Command command) {
        ran.add(command);
        String line = command.display();
        String best = null;
        for (String prefix : answers.keySet()) {
            if (line.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return new CommandResult(command, 127, "", "fake: no answer scripted for " + line, Duration.ZERO);
        }
        return answers.get(best).apply(command);
    }

    @Override
    public long startDetached(Command command, Path logFile) {
        started.add(command);
        return 999_999;
    }

    /** Every command run so far, as displayed. */
    public List<String> ran() {
        return ran.stream().map(Command::display).toList();
    }

    /** Every command run so far. */
    public List<Command> commands() {
        return ran;
    }

    /** Every command started detached so far. */
    public List<Command> started() {
        return started;
    }
}

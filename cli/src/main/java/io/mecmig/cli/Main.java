package io.mecmig.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./mecmig}: one subcommand per job, each in its own class. */
@Command(name = "mecmig",
        mixinStandardHelpOptions = true,
        version = "mecmig 0.1.0",
        description = "Migrates containerized MEC apps between edge hosts and measures what each strategy costs.",
        subcommands = {
                SetupCommand.class,
                DemoCommand.class,
                TestCommand.class,
                SandboxCommand.class,
                ImagesCommand.class,
                TestbedCommand.class,
                MigrateCommand.class,
                RecoverCommand.class,
                FaultsCommand.class,
                ExperimentCommand.class,
                ReportCommand.class,
                DriveCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

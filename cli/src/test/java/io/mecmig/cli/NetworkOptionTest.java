package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.docker.NetworkMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --network} on the commands that deploy apps: sandbox by default, bridge on demand, help that says both. */
class NetworkOptionTest {

    @Test
    void migrateDeploysInASandboxUnlessBridgeIsAsked() {
        MigrateCommand byDefault = new MigrateCommand();
        new CommandLine(byDefault).parseArgs("--app", "ba", "--strategy", "fccp");
        assertThat(byDefault.network.mode).isEqualTo(NetworkMode.SANDBOX);

        MigrateCommand paper = new MigrateCommand();
        new CommandLine(paper).parseArgs("--app", "ba", "--strategy", "fccp", "--network", "Bridge");
        assertThat(paper.network.mode).isEqualTo(NetworkMode.BRIDGE);
    }

    @Test
    void everyDeployingCommandTakesTheOptionAndItsHelpSaysWhatEachModeDoes() {
        for (Object command : new Object[] {new MigrateCommand(), new ExperimentCommand(), new DemoCommand(),
                new DriveCommand(), new FaultsCommand()}) {
            CommandLine cli = new CommandLine(command);
            assertThat(cli.getCommandSpec().findOption("--network")).as(cli.getCommandName()).isNotNull();
            String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
            assertThat(help).contains("--network=sandbox|bridge", "network sandbox container <app>-net",
                    "as the paper did", "Default: sandbox");
        }
    }

    @Test
    void anUnknownModeFailsNamingTheChoices() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MigrateCommand()).setErr(new PrintWriter(err));
        int exit = cli.execute("--app", "ba", "--strategy", "fccp", "--network", "host");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("unknown network mode 'host'", "bridge, sandbox");
    }
}

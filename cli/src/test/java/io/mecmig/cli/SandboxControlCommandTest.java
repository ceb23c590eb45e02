package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.scenario.UeClass;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code mecmig sandbox control} drives a real sandbox over HTTP: UEs, step, reset, start, pause, time scale. */
class SandboxControlCommandTest {
    private static MecSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").paused().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Runs {@code mecmig sandbox control --url <sandbox> args...}; returns exit code and what it printed. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        all[0] = "sandbox";
        all[1] = "control";
        all[2] = "--url";
        all[3] = sandbox.baseUrl();
        System.arraycopy(args, 0, all, 4, args.length);
        int code = cli.execute(all);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void choosesUesStepsResetsStartsAndPauses() throws Exception {
        String[] ues = run("ues", "stationary=1,low=2,high=30");
        assertThat(ues[0]).as(ues[2]).isEqualTo("0");
        var snapshot = sandbox.control().snapshot().ues();
        assertThat(snapshot).hasSize(33);
        assertThat(snapshot.stream().filter(u -> u.ueClass() == UeClass.HIGH_VELOCITY)).hasSize(30);
        assertThat(ues[1]).contains("33 UEs", "10.100.0.30");

        String[] named = run("ues", "10.10.0.2,10.1.0.3");
        assertThat(named[0]).isEqualTo("0");
        assertThat(sandbox.control().snapshot().ues()).extracting(u -> u.id()).containsExactly("10.10.0.2", "10.1.0.3");

        String[] step = run("step", "120");
        assertThat(step[0]).isEqualTo("0");
        assertThat(sandbox.control().status().tick()).isEqualTo(120);
        assertThat(step[1]).startsWith("tick 120 ").contains("changes of point of access");

        assertThat(run("reset")[0]).isEqualTo("0");
        assertThat(sandbox.control().status().tick()).isZero();

        assertThat(run("time-scale", "200")[0]).isEqualTo("0");
        assertThat(sandbox.control().timeScale()).isEqualTo(200.0);
        assertThat(run("start")[1]).contains("running");
        assertThat(sandbox.control().running()).isTrue();
        Thread.sleep(200);
        String[] paused = run("pause");
        assertThat(sandbox.control().running()).isFalse();
        assertThat(sandbox.control().status().tick()).isPositive();
        assertThat(paused[1]).contains("paused");
        assertThat(run("status")[1]).startsWith("tick " + sandbox.control().status().tick() + " ");
    }

    @Test
    void badInputAndAMissingSandboxAreNamedWithTheFix() {
        String[] badClass = run("ues", "fast=3");
        assertThat(badClass[0]).isEqualTo("1");
        assertThat(badClass[2]).contains("unknown UE class 'fast'", "stationary, low or high");

        String[] unknownUe = run("ues", "10.200.0.1");
        assertThat(unknownUe[0]).isEqualTo("1");
        assertThat(unknownUe[2]).contains("400", "10.200.0.1");

        assertThat(run("fly")[2]).contains("unknown action 'fly'");

        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err))
                .execute("sandbox", "control", "--url", "http://127.0.0.1:9", "status");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no sandbox answers at http://127.0.0.1:9", "./mecmig sandbox serve");
    }
}

package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.CommandFailedException;
import io.mecmig.testbed.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the setup steps in order, printing what each did or skipped. Stops at the first step that
 * fails, with that step's message (which says how to fix it).
 */
public final class Setup {

    private final HostPreconditions preconditions;
    private final List<SetupStep> steps;
    private final Consumer<String> out;

    public Setup(HostPreconditions preconditions, List<SetupStep> steps, Consumer<String> out) {
        this.preconditions = preconditions;
        this.steps = List.copyOf(steps);
        this.out = out;
    }

    /** The standard mecmig setup on this machine. */
    public static Setup standard(CommandRunner runner, Consumer<String> out) {
        SetupPaths paths = SetupPaths.defaults();
        Apt apt = new Apt(runner, paths, out);
        boolean cgroupTmpfs = CriuMountsStep.cgroupIsTmpfs(runner, paths);
        return new Setup(new HostPreconditions(runner, paths),
                List.of(
                        new PackagesStep("system packages", apt, PackagesStep.RUNTIME_PACKAGES),
                        new DockerConfigStep(paths),
                        new CriuBuildStep(runner, apt, paths, out),
                        new CriuOnPathStep(runner, paths),
                        new CriuMountsStep(runner, paths, cgroupTmpfs),
                        new CriuRuncConfigStep(paths, cgroupTmpfs),
                        new HostDockerStep(runner, paths, out)),
                out);
    }

    /** Runs every step; returns their outcomes. */
    public List<StepOutcome> run() {
        preconditions.require();
        List<StepOutcome> outcomes = new ArrayList<>();
        int index = 0;
        for (SetupStep step : steps) {
            index++;
            String prefix = "[" + index + "/" + steps.size() + "] " + step.title() + ": ";
            try {
                boolean done = step.isDone();
                String action;
                if (done) {
                    action = "already there, skipped";
                } else {
                    out.accept(prefix + "working...");
                    action = step.apply();
                }
                String verified = step.verify();
                out.accept(prefix + action + "; verified: " + verified);
                outcomes.add(new StepOutcome(step.title(), done, action, verified));
            } catch (CommandFailedException e) {
                throw new SetupException(step.title() + " failed: " + e.getMessage(), e);
            }
        }
        out.accept("setup complete: " + outcomes.stream().filter(StepOutcome::skipped).count() + " of "
                + outcomes.size() + " steps were already in place");
        return outcomes;
    }
}

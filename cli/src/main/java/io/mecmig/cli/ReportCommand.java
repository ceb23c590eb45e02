package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Writes the HTML and Markdown report, with the paper's figures and tables, from experiment results. */
@Command(name = "report", description = "Writes the HTML and Markdown report, with the paper's figures and tables, from experiment results.")
final class ReportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig report: not available yet in this version.");
        return 2;
    }
}

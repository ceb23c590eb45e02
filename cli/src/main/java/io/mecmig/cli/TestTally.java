package io.mecmig.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Adds up the JUnit XML reports that surefire (unit) and failsafe (integration) left in every module. */
record TestTally(Count unit, Count integration) {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    /** Tests of one kind: how many ran, failed (failures and errors) and were skipped. */
    record Count(int run, int failed, int skipped) {
        Count plus(Count other) {
            return new Count(run + other.run, failed + other.failed, skipped + other.skipped);
        }
    }

    static TestTally collect(Path home) throws IOException {
        return new TestTally(sum(home, "surefire-reports"), sum(home, "failsafe-reports"));
    }

    private static Count sum(Path home, String folder) throws IOException {
        Count total = new Count(0, 0, 0);
        List<Path> reports;
        try (Stream<Path> files = Files.walk(home, 4)) {
            reports = files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals(folder))
                    .filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .toList();
        }
        for (Path report : reports) {
            total = total.plus(parse(Files.readString(report)));
        }
        return total;
    }

    static Count parse(String xml) {
        Matcher m = SUITE.matcher(xml);
        if (!m.find()) {
            return new Count(0, 0, 0);
        }
        String tag = m.group();
        int tests = attribute(tag, "tests");
        int skipped = attribute(tag, "skipped");
        return new Count(tests - skipped, attribute(tag, "errors") + attribute(tag, "failures"), skipped);
    }

    private static int attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(tag);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Removes the reports of earlier runs, so that the tally counts this run only. */
    static void clear(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home, 3)) {
            List<Path> folders = files.filter(p -> p.getFileName().toString().matches("(surefire|failsafe)-reports"))
                    .filter(p -> p.getParent().getFileName().toString().equals("target"))
                    .toList();
            for (Path folder : folders) {
                try (Stream<Path> inside = Files.walk(folder)) {
                    for (Path p : inside.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /**
     * Why a run whose build passed still fails: an integration test was skipped (the setup did not provide what it
     * needs: Docker, CRIU, root), or, for the whole suite, none ran at all. Empty when the run is complete.
     */
    Optional<String> incompleteness(boolean wholeSuite) {
        if (wholeSuite && integration.run() == 0) {
            return Optional.of("no integration test ran: the suite is incomplete");
        }
        if (integration.skipped() > 0) {
            return Optional.of(integration.skipped() + " integration test(s) were skipped; every one must run:"
                    + " see which in */target/failsafe-reports");
        }
        return Optional.empty();
    }

    String describe() {
        Count all = unit.plus(integration);
        return "unit tests: " + unit.run() + " run, " + unit.failed() + " failed, " + unit.skipped() + " skipped\n"
                + "integration tests: " + integration.run() + " run, " + integration.failed() + " failed, "
                + integration.skipped() + " skipped\n"
                + (all.run() - all.failed()) + " passed, " + all.failed() + " failed, " + all.skipped() + " skipped";
    }
}

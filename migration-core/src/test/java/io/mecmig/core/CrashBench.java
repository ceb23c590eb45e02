package io.mecmig.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Two in-memory hosts with unique names (a crashed run never releases its in-process guard), an app with a
 * counter, and a strategy that "crashes the process" at a chosen step: it copies the journal folder as the
 * disk holds it at that moment, then throws an {@link Error} the engine does not catch, so nothing after it
 * runs (no rollback, no last journal entry), just as after a kill -9.
 */
final class CrashBench {

    /** Thrown in place of the process dying. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    static final Key<String> IMAGE = Key.journaled("test.image");

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final InMemoryHost source = new InMemoryHost("src-" + suffix);
    final InMemoryHost target = new InMemoryHost("dst-" + suffix);
    final Map<String, InMemoryHost> byName = Map.of(source.name(), source, target.name(), target);
    final List<String> rollbackSaw = new ArrayList<>();
    final List<String> afterMigrationSaw = new ArrayList<>();
    final Path journalDir;
    final Path diskAtCrash;
    String crashAt = "";
    boolean targetLosesState;

    CrashBench(Path tmp) {
        journalDir = tmp.resolve("journal");
        diskAtCrash = tmp.resolve("disk-at-crash");
        source.run("uspa", "{\"counter\":7}");
    }

    AppSpec app() {
        return AppSpec.builder("uspa")
                .needs(StateNeeds.USER_STATE)
                .readiness(address -> byName.get(address.host()).isRunning("uspa"))
                .readinessTimeout(Duration.ofMillis(200))
                .stateProbe(new StateProbe() {
                    @Override
                    public Optional<AppState> read(ServiceAddress address) {
                        InMemoryHost host = byName.get(address.host());
                        return host.isRunning("uspa") ? Optional.of(new AppState(host.state.get("uspa")))
                                : Optional.empty();
                    }

                    @Override
                    public StateVerdict compare(AppState before, AppState after) {
                        JsonNode was = before.tree().path("counter");
                        JsonNode is = after.tree().path("counter");
                        return is.asLong() >= was.asLong() ? StateVerdict.kept("counter kept")
                                : StateVerdict.lost("counter went back to " + is.asLong());
                    }
                })
                .build();
    }

    Migration.Builder migration() {
        return Migration.of(app()).from(source).to(target).strategy(strategy()).journal(Journal.at(journalDir));
    }

    Recovery recovery() {
        return Recovery.of(Journal.at(diskAtCrash)).hosts(byName::get)
                .apps(name -> name.equals("uspa") ? app() : null)
                .strategies(name -> name.equals("crashy") ? strategy() : null);
    }

    /** Like FCCP: an image in phase 1 (its name journaled), then stop, copy, run, tidy up. */
    Strategy strategy() {
        return new Strategy() {
            @Override
            public String name() {
                return "crashy";
            }

            @Override
            public String description() {
                return "in-memory steps that can crash the process";
            }

            @Override
            public StateNeeds preserves() {
                return StateNeeds.USER_STATE;
            }

            @Override
            public List<Step> steps(Phase phase) {
                if (phase == Phase.PRE_RELOCATION) {
                    return List.of(
                            step(Step.onSource("commit", ctx -> ctx.put(IMAGE, "uspa-image-" + suffix))),
                            step(Step.onTarget("load", ctx -> target.stopped.add("uspa-image"))));
                }
                return List.of(
                        step(Step.onSource("stop", ctx -> source.stop("uspa")).stopsService()),
                        step(Step.onLink("copy volume", ctx -> { })),
                        step(Step.onTarget("run", ctx -> target.run("uspa",
                                targetLosesState ? "{\"counter\":0}" : source.state.get("uspa"))).startsService()),
                        step(Step.onSource("tidy source", ctx -> { })));
            }

            @Override
            public List<Step> rollback(Phase failed) {
                List<Step> steps = new ArrayList<>();
                steps.add(Step.onTarget("remove image", ctx -> {
                    rollbackSaw.add(ctx.find(IMAGE).orElse("no image"));
                    target.stopped.remove("uspa-image");
                }));
                steps.addAll(Rollbacks.restartSource(failed));
                return steps;
            }

            @Override
            public List<Step> afterMigration() {
                return List.of(Step.onSource("remove committed image", ctx ->
                        afterMigrationSaw.add(ctx.find(IMAGE).orElse("no image"))));
            }
        };
    }

    private Step step(Step step) {
        return new Step(step.name(), step.side(), step.effect(), ctx -> {
            if (step.name().equals(crashAt)) {
                snapshotJournal();
                throw new Crash();
            }
            step.action().run(ctx);
        });
    }

    private void snapshotJournal() {
        try {
            Files.createDirectories(diskAtCrash);
            try (var files = Files.list(journalDir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, diskAtCrash.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

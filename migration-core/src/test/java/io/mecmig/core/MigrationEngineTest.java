package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationEngineTest {

    private final Fixtures f = new Fixtures().sourceRuns("{\"counter\":7}");

    @Test
    void runsStepsInOrderAndPublishesThem() {
        List<String> seen = new ArrayList<>();
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE))
                .onEvent(MigrationEvent.StepStarted.class, e -> seen.add(e.phase() + ":" + e.step()))
                .migrate();

        assertThat(seen).containsExactly("PRE_RELOCATION:export", "PRE_RELOCATION:copy image",
                "PRE_RELOCATION:import", "RELOCATION:stop", "RELOCATION:copy volume", "RELOCATION:run",
                "RELOCATION:await readiness", "RELOCATION:verify state");
        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(f.target.isRunning("uspa")).isTrue();
        assertThat(f.source.isRunning("uspa")).isFalse();
    }

    @Test
    void marksOnlyStepsBetweenStopAndReadinessAsDowntime() {
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE,
                        Step.onTarget("slow create", ctx -> Thread.sleep(50))))
                .migrate();

        assertThat(report.preRelocation().steps()).noneMatch(StepTiming::inDowntime);
        assertThat(report.relocation().steps())
                .filteredOn(StepTiming::inDowntime).extracting(StepTiming::step)
                .containsExactly("stop", "copy volume", "slow create", "run", "await readiness");
        Downtime downtime = report.downtime();
        assertThat(downtime.paper()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(downtime.untilReady()).isGreaterThanOrEqualTo(downtime.paper());
        assertThat(report.relocation().timeOn(Side.TARGET)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void stepEventsMarkTheDowntimeAsTheReportDoes() {
        List<StepTiming> published = new ArrayList<>();
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE,
                        Step.onTarget("slow create", ctx -> Thread.sleep(5))))
                .onEvent(MigrationEvent.StepCompleted.class, e -> published.add(e.timing()))
                .migrate();

        assertThat(published).filteredOn(StepTiming::inDowntime).extracting(StepTiming::step)
                .containsExactly("stop", "copy volume", "slow create", "run", "await readiness");
        List<StepTiming> reported = new ArrayList<>(report.preRelocation().steps());
        reported.addAll(report.relocation().steps());
        assertThat(published).isEqualTo(reported);
    }

    @Test
    void theFailedStepsEventSaysItFellInTheDowntime() {
        List<StepTiming> published = new ArrayList<>();
        Step broken = Step.onLink("copy volume again", ctx -> {
            throw new IllegalStateException("link down");
        });
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE, broken))
                .onEvent(MigrationEvent.StepCompleted.class, e -> published.add(e.timing()))
                .onEvent(MigrationEvent.StepFailed.class, e -> published.add(e.timing()))
                .migrate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(published).filteredOn(s -> s.phase() == Phase.RELOCATION)
                            .isEqualTo(e.report().relocation().steps());
                    assertThat(published).filteredOn(StepTiming::inDowntime).extracting(StepTiming::step)
                            .containsExactly("stop", "copy volume", "copy volume again");
                });
    }

    @Test
    void aStateCheckThatFailsOnTheReadyTargetIsOutsideTheDowntime() {
        Fixtures lost = new Fixtures().sourceRuns("{\"counter\":7}");
        List<StepTiming> published = new ArrayList<>();
        assertThatThrownBy(() -> Migration.of(lost.app(StateNeeds.USER_STATE)).from(lost.source).to(lost.target)
                .strategy(Fixtures.strategy(StateNeeds.NONE))
                .onEvent(MigrationEvent.StepFailed.class, e -> published.add(e.timing()))
                .migrate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.step()).isEqualTo("verify state");
                    assertThat(e.report().relocation().steps()).filteredOn(StepTiming::inDowntime)
                            .extracting(StepTiming::step).containsExactly("stop", "copy volume", "run",
                                    "await readiness");
                    assertThat(published).singleElement().satisfies(s -> assertThat(s.inDowntime()).isFalse());
                });
    }

    @Test
    void workAddedForAfterTheMigrationRunsOnceAfterTheLastStepAndItsFailureIsOnlyAWarning() {
        List<String> order = new ArrayList<>();
        Step registers = Step.onSource("make image", ctx -> {
            ctx.afterMigration(Step.onSource("remove image", c -> order.add("remove image")));
            ctx.afterMigration(Step.onSource("remove image", c -> order.add("remove image, twice")));
            ctx.afterMigration(Step.onTarget("remove other image", c -> {
                throw new IllegalStateException("daemon gone");
            }));
        });
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE, registers))
                .onEvent(MigrationEvent.StepCompleted.class, e -> order.add(e.timing().step()))
                .migrate();

        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(order).endsWith("verify state", "remove image").containsOnlyOnce("remove image")
                .doesNotContain("remove image, twice");
        assertThat(report.relocation().steps()).extracting(StepTiming::step).doesNotContain("remove image");
        assertThat(report.warnings()).anyMatch(w -> w.contains("remove other image") && w.contains("daemon gone"));
    }

    @Test
    void workAddedForAfterTheMigrationRunsAfterARollbackToo() {
        List<String> order = new ArrayList<>();
        Step registers = Step.onLink("copy volume again", ctx -> {
            ctx.afterMigration(Step.onSource("remove image", c -> order.add("remove image")));
            throw new IllegalStateException("link down");
        });
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE, registers))
                .onEvent(MigrationEvent.RollbackCompleted.class, e -> order.add("rolled back"))
                .migrate())
                .isInstanceOf(StepFailedException.class);
        assertThat(order).containsExactly("rolled back", "remove image");
    }

    /** The strategy of {@code steps}, plus {@code after} for once the migration has ended. */
    private static Strategy withAfterMigration(Strategy steps, Step... after) {
        return new DelegatingStrategy(steps) {
            @Override
            public List<Step> afterMigration() {
                return List.of(after);
            }
        };
    }

    @Test
    void theStrategysWorkForAfterTheMigrationRunsOnceAfterTheLastStepAndItsFailureIsOnlyAWarning() {
        List<String> order = new ArrayList<>();
        Strategy strategy = withAfterMigration(Fixtures.strategy(StateNeeds.USER_STATE),
                Step.onTarget("remove other image", c -> {
                    throw new IllegalStateException("daemon gone");
                }),
                Step.onSource("remove image", c -> order.add("remove image")));
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(strategy)
                .onEvent(MigrationEvent.StepCompleted.class, e -> order.add(e.timing().step()))
                .onEvent(MigrationEvent.MigrationFinished.class, e -> order.add("finished"))
                .migrate();

        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(order).endsWith("verify state", "remove image", "finished").containsOnlyOnce("remove image");
        assertThat(report.relocation().steps()).extracting(StepTiming::step).doesNotContain("remove image");
        assertThat(report.warnings()).anyMatch(w -> w.contains("remove other image") && w.contains("daemon gone"));
    }

    @Test
    void theStrategysWorkForAfterTheMigrationRunsAfterARollbackToo() {
        List<String> order = new ArrayList<>();
        Strategy strategy = withAfterMigration(Fixtures.strategy(StateNeeds.USER_STATE,
                        Step.onLink("copy volume again", ctx -> {
                            throw new IllegalStateException("link down");
                        })),
                Step.onSource("remove image", c -> order.add("remove image")));
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(strategy)
                .onEvent(MigrationEvent.RollbackCompleted.class, e -> order.add("rolled back"))
                .migrate())
                .isInstanceOf(StepFailedException.class);
        assertThat(order).containsExactly("rolled back", "remove image");
    }

    @Test
    void workAddedForAfterTheMigrationIsLeftUndoneWhenTheAppServesNowhere() {
        f.source.failStart = true;
        List<String> order = new ArrayList<>();
        Step registers = Step.onLink("copy volume again", ctx -> {
            ctx.afterMigration(Step.onSource("remove checkpoint", c -> order.add("remove checkpoint")));
            throw new IllegalStateException("link down");
        });
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE, registers)).migrate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.report().outcome()).isEqualTo(Outcome.FAILED);
                    assertThat(e.report().warnings()).anyMatch(w -> w.contains("remove checkpoint")
                            && w.contains("kept for 'mecmig recover'"));
                });
        assertThat(order).isEmpty();
    }

    @Test
    void theStrategysWorkForAfterTheMigrationIsLeftUndoneTooWhenTheAppServesNowhere() {
        f.source.failStart = true;
        List<String> order = new ArrayList<>();
        Strategy strategy = withAfterMigration(Fixtures.strategy(StateNeeds.USER_STATE,
                        Step.onLink("copy volume again", ctx -> {
                            throw new IllegalStateException("link down");
                        })),
                Step.onTarget("remove loaded image", c -> order.add("remove loaded image")));
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(strategy).migrate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> assertThat(e.report().warnings())
                        .anyMatch(w -> w.contains("remove loaded image") && w.contains("kept for 'mecmig recover'")));
        assertThat(order).isEmpty();
    }

    @Test
    void theStrategysWorkForAfterTheMigrationRunsOnceOnAnAbortToo() {
        List<String> order = new ArrayList<>();
        Strategy strategy = withAfterMigration(Fixtures.strategy(StateNeeds.USER_STATE),
                Step.onSource("remove image", c -> order.add("remove image")));
        PreRelocation prepared = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(strategy).preRelocate();

        prepared.abort();
        prepared.abort();

        assertThat(order).containsExactly("remove image");
    }

    @Test
    void eachMigrationGetsItsOwnIdThatIsAlsoADockerTag() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Fixtures fresh = new Fixtures().sourceRuns("{\"counter\":7}");
            Migration.of(fresh.app(StateNeeds.USER_STATE)).from(fresh.source).to(fresh.target)
                    .strategy(Fixtures.strategy(StateNeeds.USER_STATE))
                    .onEvent(MigrationEvent.PhaseStarted.class, e -> ids.add(e.migrationId()))
                    .migrate();
        }
        assertThat(ids).hasSize(4).allMatch(id -> id.matches("uspa-test-\\d{8}-\\d{6}-[a-z0-9]{6}"));
        assertThat(ids.get(0)).isEqualTo(ids.get(1)).isNotEqualTo(ids.get(2));
    }

    @Test
    void countsBytesOnTheLinkPerStepAndPhase() {
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE)).migrate();

        assertThat(report.preRelocation().linkBytes()).isEqualTo(1000);
        assertThat(report.relocation().linkBytes()).isEqualTo(10);
        assertThat(report.linkBytes()).isEqualTo(1010);
        assertThat(report.relocation().steps()).filteredOn(s -> s.step().equals("copy volume"))
                .extracting(StepTiming::linkBytes).containsExactly(10L);
        assertThat(report.measures()).containsEntry(Measures.TARBALL_SIZE, 1000.0);
    }

    @Test
    void rollsBackWhenARelocationStepFails() {
        Step broken = Step.onLink("copy volume again", ctx -> {
            throw new IllegalStateException("link down");
        });
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE, broken)).migrate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("copy volume again", "link down", "serves again");
                    assertThat(e.sourceState()).isEqualTo(SourceState.RESTORED);
                    assertThat(e.report().outcome()).isEqualTo(Outcome.ROLLED_BACK);
                    assertThat(e.report().rollback().actions()).contains("restart source container: done");
                    assertThat(e.report().relocation().steps()).last()
                            .satisfies(s -> assertThat(s.succeeded()).isFalse());
                });
        assertThat(f.source.isRunning("uspa")).isTrue();
        assertThat(f.source.state.get("uspa")).isEqualTo("{\"counter\":7}");
        assertThat(f.target.isRunning("uspa")).isFalse();
    }

    @Test
    void reportsAFailedRollbackAsNotServing() {
        f.source.failStart = true;
        Step broken = Step.onLink("copy volume again", ctx -> {
            throw new IllegalStateException("link down");
        });
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE, broken)).migrate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.sourceState()).isEqualTo(SourceState.NOT_SERVING);
                    assertThat(e.report().outcome()).isEqualTo(Outcome.FAILED);
                    assertThat(e.getMessage()).contains("NOT serving");
                });
    }

    @Test
    void rollsBackWhenTheStateDidNotSurvive() {
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.NONE)).migrate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.step()).isEqualTo("verify state");
                    assertThat(e.report().stateCheck().preserved()).isFalse();
                    assertThat(e.report().warnings()).anyMatch(w -> w.contains("user state will be lost")
                            && w.contains("no strategy on the class path carries USER_STATE: add a backend"));
                });
        assertThat(f.source.isRunning("uspa")).isTrue();
        assertThat(f.target.isRunning("uspa")).isFalse();
    }

    @Test
    void recordsStateLossWhenAskedTo() {
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.NONE)).onStateLoss(StateLossPolicy.RECORD).migrate();

        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(report.stateCheck().preserved()).isFalse();
        assertThat(report.stateCheck().before()).isEqualTo("{\"counter\":7}");
        assertThat(report.viability().label()).isEqualTo("No");
    }

    @Test
    void cleansTheTargetWhenPreRelocationFails() {
        Strategy failing = new DelegatingStrategy(Fixtures.strategy(StateNeeds.USER_STATE)) {
            @Override
            public List<Step> steps(Phase phase) {
                return phase == Phase.PRE_RELOCATION
                        ? List.of(Step.onTarget("import", ctx -> {
                            ((InMemoryHost) ctx.target()).run("uspa", "{}");
                            throw new IllegalStateException("disk full");
                        }))
                        : super.steps(phase);
            }
        };
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(failing).preRelocate())
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.sourceState()).isEqualTo(SourceState.UNTOUCHED);
                    assertThat(e.phase()).isEqualTo(Phase.PRE_RELOCATION);
                });
        assertThat(f.target.isRunning("uspa")).isFalse();
        assertThat(f.source.isRunning("uspa")).isTrue();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheMigration() {
        MigrationReport report = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE))
                .onEvent(MigrationEvent.StepCompleted.class, e -> {
                    throw new IllegalStateException("listener bug");
                })
                .migrate();

        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(report.warnings()).anyMatch(w -> w.contains("StepCompleted") && w.contains("listener bug"));
    }

    @Test
    void refusesASecondMigrationOfTheSameAppWhileOneIsUnderWay() {
        PreRelocation first = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE)).preRelocate();

        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE)).preRelocate())
                .isInstanceOf(InvalidMigrationException.class).hasMessageContaining("already being migrated");
        first.abort();
        assertThat(Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE)).migrate().outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void relocateTwiceIsRefused() {
        PreRelocation prepared = Migration.of(f.app(StateNeeds.USER_STATE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.USER_STATE)).preRelocate();
        prepared.relocate();
        assertThatThrownBy(prepared::relocate).isInstanceOf(IllegalStateException.class);
    }

    /** Forwards to another strategy; tests override one method. */
    private static class DelegatingStrategy implements Strategy {
        private final Strategy inner;

        DelegatingStrategy(Strategy inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public StateNeeds preserves() {
            return inner.preserves();
        }

        @Override
        public List<Step> steps(Phase phase) {
            return inner.steps(phase);
        }
    }
}

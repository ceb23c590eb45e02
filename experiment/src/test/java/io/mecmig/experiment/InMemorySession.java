package io.mecmig.experiment;

import io.mecmig.core.AppSpec;
import io.mecmig.core.AppState;
import io.mecmig.core.LinkProfile;
import io.mecmig.core.Measures;
import io.mecmig.core.Phase;
import io.mecmig.core.ServiceAddress;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.StateProbe;
import io.mecmig.core.StateVerdict;
import io.mecmig.core.Step;
import io.mecmig.core.Strategy;
import io.mecmig.core.Transfer;
import io.mecmig.core.UnknownStrategyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A testbed session over two in-memory hosts. Strategies {@code keep} and {@code lose} move the app's
 * counter or restart it from zero; preparing a run deploys the app with counter 7 on the source.
 */
final class InMemorySession implements TestbedSession {

    final InMemoryHost source = new InMemoryHost("src");
    final InMemoryHost target = new InMemoryHost("dst");
    final List<String> calls = new ArrayList<>();
    final List<LinkProfile> shaped = new ArrayList<>();
    Consumer<RunKey> beforePrepare = k -> { };
    Set<String> unavailableApps = Set.of();

    @Override
    public String machine() {
        return "in-memory test hosts";
    }

    @Override
    public void shape(LinkProfile link) {
        shaped.add(link);
    }

    @Override
    public Optional<String> whyUnavailable(Cell cell) {
        return unavailableApps.contains(cell.app()) ? Optional.of("no image for " + cell.app()) : Optional.empty();
    }

    @Override
    public Strategy strategy(String name) {
        return switch (name) {
            case "keep" -> strategy("keep", true);
            case "lose" -> strategy("lose", false);
            default -> throw new UnknownStrategyException(name, List.of("keep", "lose"));
        };
    }

    @Override
    public PreparedRun prepare(RunKey run) {
        beforePrepare.accept(run);
        String app = run.cell().app();
        if (source.hasAnything(app) || target.hasAnything(app)) {
            throw new IllegalStateException("run " + run.id() + " did not start clean");
        }
        calls.add("prepare " + run.id());
        source.run(app, 7);
        return new PreparedRun(app(app), source, target);
    }

    @Override
    public void cleanUp(PreparedRun run) {
        calls.add("cleanUp " + run.app().container());
        source.removeContainer(run.app().container());
        target.removeContainer(run.app().container());
    }

    private InMemoryHost host(ServiceAddress address) {
        return address.host().equals("src") ? source : target;
    }

    AppSpec app(String name) {
        return AppSpec.builder(name)
                .needs(StateNeeds.USER_STATE)
                .readiness(address -> host(address).isRunning(name))
                .readinessTimeout(Duration.ofMillis(300))
                .stateProbe(new StateProbe() {
                    @Override
                    public Optional<AppState> read(ServiceAddress address) {
                        InMemoryHost h = host(address);
                        return h.isRunning(name)
                                ? Optional.of(new AppState("{\"counter\":" + h.counter(name) + "}"))
                                : Optional.empty();
                    }

                    @Override
                    public StateVerdict compare(AppState before, AppState after) {
                        long was = before.tree().path("counter").asLong();
                        long is = after.tree().path("counter").asLong();
                        return is >= was ? StateVerdict.kept("counter " + was + " -> " + is)
                                : StateVerdict.lost("counter went back from " + was + " to " + is);
                    }
                })
                .build();
    }

    private static Strategy strategy(String name, boolean keeps) {
        return new Strategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "in-memory steps that " + (keeps ? "keep" : "lose") + " the counter";
            }

            @Override
            public StateNeeds preserves() {
                return keeps ? StateNeeds.FULL_STATE : StateNeeds.NONE;
            }

            @Override
            public List<Step> steps(Phase phase) {
                if (phase == Phase.PRE_RELOCATION) {
                    return List.of(
                            Step.onSource("export", ctx -> ctx.measure(Measures.TARBALL_SIZE, 1_000_000)),
                            Step.onLink("copy image", ctx -> ctx.transferred(
                                    new Transfer("image", "memory", 1_000_000, Duration.ofMillis(1)))),
                            Step.onTarget("import", ctx -> { }));
                }
                return List.of(
                        Step.onSource("stop", ctx -> ((InMemoryHost) ctx.source()).stop(ctx.app().container()))
                                .stopsService(),
                        Step.onLink("copy volume", ctx -> ctx.transferred(
                                new Transfer("volume", "memory", 2048, Duration.ofMillis(1)))),
                        Step.onTarget("run", ctx -> {
                            String c = ctx.app().container();
                            long value = keeps ? ((InMemoryHost) ctx.source()).counter(c) : 0;
                            ((InMemoryHost) ctx.target()).run(c, value);
                        }).startsService());
            }
        };
    }

}

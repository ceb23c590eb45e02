package io.mecmig.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two in-memory hosts, an app whose readiness and state they answer, and a strategy made of test steps. */
final class Fixtures {

    final InMemoryHost source = new InMemoryHost("src");
    final InMemoryHost target = new InMemoryHost("dst");
    final Map<String, InMemoryHost> byName = Map.of("src", source, "dst", target);

    AppSpec app(StateNeeds needs) {
        return AppSpec.builder("uspa")
                .needs(needs)
                .readiness(address -> byName.get(address.host()).isRunning("uspa"))
                .readinessTimeout(Duration.ofMillis(300))
                .stateProbe(new StateProbe() {
                    @Override
                    public Optional<AppState> read(ServiceAddress address) {
                        InMemoryHost host = byName.get(address.host());
                        return host.isRunning("uspa") ? Optional.of(new AppState(host.state.get("uspa"))) : Optional.empty();
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

    Fixtures sourceRuns(String json) {
        source.run("uspa", json);
        return this;
    }

    /**
     * A strategy like FCCP: pre-relocation sends 1000 bytes; relocation stops the source, sends 10 bytes and
     * starts the target, carrying the state when {@code carries} covers it.
     */
    static Strategy strategy(StateNeeds carries, Step... extraRelocationSteps) {
        return new Strategy() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String description() {
                return "in-memory steps";
            }

            @Override
            public StateNeeds preserves() {
                return carries;
            }

            @Override
            public List<Step> steps(Phase phase) {
                if (phase == Phase.PRE_RELOCATION) {
                    return List.of(
                            Step.onSource("export", ctx -> ctx.measure(Measures.TARBALL_SIZE, 1000)),
                            Step.onLink("copy image", ctx -> ctx.transferred(new Transfer("image", "memory", 1000,
                                    Duration.ofMillis(1)))),
                            Step.onTarget("import", ctx -> { }));
                }
                List<Step> steps = new java.util.ArrayList<>();
                steps.add(Step.onSource("stop", ctx -> ((InMemoryHost) ctx.source()).stop("uspa")).stopsService());
                steps.add(Step.onLink("copy volume", ctx -> ctx.transferred(new Transfer("volume", "memory", 10,
                        Duration.ofMillis(1)))));
                steps.addAll(List.of(extraRelocationSteps));
                steps.add(Step.onTarget("run", ctx -> {
                    InMemoryHost src = (InMemoryHost) ctx.source();
                    String carried = carries == StateNeeds.NONE ? "{\"counter\":0}" : src.state.get("uspa");
                    ((InMemoryHost) ctx.target()).run("uspa", carried);
                }).startsService());
                return steps;
            }
        };
    }
}

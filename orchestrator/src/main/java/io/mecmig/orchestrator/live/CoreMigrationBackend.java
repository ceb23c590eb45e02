package io.mecmig.orchestrator.live;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Host;
import io.mecmig.core.LinkProfile;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.PreRelocation;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Carries out decisions with {@link Migration}: one {@link Host} per host name of the placement map. */
public final class CoreMigrationBackend implements MigrationBackend {

    private final AppSpec app;
    private final Map<String, Host> hosts;
    private final LinkProfile link;
    private final Consumer<String> placer;

    /**
     * @param hosts every host the placement map names, by name
     * @param link the link's rate and loss, for the reports
     * @param placer starts the app on a host (first placement)
     */
    public CoreMigrationBackend(AppSpec app, Map<String, Host> hosts, LinkProfile link, Consumer<String> placer) {
        this.app = Objects.requireNonNull(app, "app");
        this.hosts = Map.copyOf(hosts);
        this.link = Objects.requireNonNull(link, "link");
        this.placer = Objects.requireNonNull(placer, "placer");
    }

    @Override
    public void place(String host) {
        placer.accept(host);
    }

    @Override
    public Prepared preRelocate(String migrationId, String source, String target, String strategy) {
        PreRelocation prepared = Migration.of(app).from(host(source)).to(host(target)).strategy(strategy).link(link)
                .preRelocate();
        return new Prepared() {
            @Override
            public MigrationReport relocate() {
                return prepared.relocate();
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    private Host host(String name) {
        Host h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("the placement map names host '" + name + "' but the testbed has only "
                    + hosts.keySet() + ": bring the testbed up with more hosts, or fix the placement map");
        }
        return h;
    }
}

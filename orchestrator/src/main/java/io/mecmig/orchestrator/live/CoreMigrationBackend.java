package io.mecmig.orchestrator.live;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Host;
import io.mecmig.core.LinkProfile;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.PreRelocation;
import java.util.Objects;
import java.util.function.Consumer;

/** Carries out decisions with {@link Migration}, between the hosts of a {@link HostDirectory}. */
public final class CoreMigrationBackend implements MigrationBackend {

    private final AppSpec app;
    private final HostDirectory hosts;
    private final LinkProfile link;
    private final Consumer<String> placer;

    /**
     * @param hosts every host the placement map names
     * @param link the link's rate and loss, for the reports
     * @param placer starts the app on a host (first placement)
     */
    public CoreMigrationBackend(AppSpec app, HostDirectory hosts, LinkProfile link, Consumer<String> placer) {
        this.app = Objects.requireNonNull(app, "app");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.link = Objects.requireNonNull(link, "link");
        this.placer = Objects.requireNonNull(placer, "placer");
    }

    @Override
    public void place(String host) {
        placer.accept(host);
    }

    @Override
    public Prepared preRelocate(String migrationId, String source, String target, String strategy) {
        Host from = hosts.host(source, target);
        Host to = hosts.host(target, source);
        PreRelocation prepared = Migration.of(app).from(from).to(to).strategy(strategy).link(link).preRelocate();
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
}

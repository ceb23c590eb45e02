package io.mecmig.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes or rolls back the migrations a crashed process left in a {@link Journal}.
 *
 * <p>The rule: a migration whose app was already started on the target, and answers there with its state
 * kept, is finished; every other one is rolled back with its strategy's own rollback steps, which see the
 * values the steps journaled (see {@link Key#journaled(String)}), so that the app serves from the source.
 * Either way the strategy's {@link Strategy#afterMigration} work runs next, as it would have at the migration's end
 * (removing the images it made only for the move, for example), unless the app serves nowhere. Migrations still held
 * by a live process are left alone.
 *
 * <pre>{@code
 * List<RecoveryReport> done = Recovery.of(Journal.at(dir))
 *         .hosts(name -> hostsByName.get(name))
 *         .apps(container -> catalog.spec(container))
 *         .recoverAll();
 * }</pre>
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final Journal journal;
    private Function<String, Host> hosts = name -> null;
    private Function<String, AppSpec> apps = name -> null;
    private Function<String, Strategy> strategies = Strategies::named;

    private Recovery(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * Recovery of the migrations in {@code journal}.
     *
     * @param journal the journal
     * @return the recovery, to be given hosts and apps
     */
    public static Recovery of(Journal journal) {
        return new Recovery(journal);
    }

    /**
     * How to reach a host by the name the journal recorded ({@link Host#name()}); null for unknown.
     *
     * @param byName a host by its name
     * @return this recovery
     */
    public Recovery hosts(Function<String, Host> byName) {
        this.hosts = Objects.requireNonNull(byName, "byName");
        return this;
    }

    /**
     * The app spec of a container name the journal recorded; null for unknown.
     *
     * @param byContainer an app spec by its container name
     * @return this recovery
     */
    public Recovery apps(Function<String, AppSpec> byContainer) {
        this.apps = Objects.requireNonNull(byContainer, "byContainer");
        return this;
    }

    /**
     * The strategy of a name the journal recorded (default: {@link Strategies#named(String)}).
     *
     * @param byName a strategy by its name
     * @return this recovery
     */
    public Recovery strategies(Function<String, Strategy> byName) {
        this.strategies = Objects.requireNonNull(byName, "byName");
        return this;
    }

    /**
     * The journal's unfinished migrations that no live process holds: the ones {@link #recoverAll()} handles.
     *
     * @return those migrations
     */
    public List<JournaledMigration> pending() {
        return journal.unfinished().stream().filter(m -> !m.running()).toList();
    }

    /**
     * Resolves every pending migration, one after the other.
     *
     * @return a report per migration
     */
    public List<RecoveryReport> recoverAll() {
        List<RecoveryReport> reports = new ArrayList<>();
        for (JournaledMigration m : pending()) {
            reports.add(recover(m));
        }
        return reports;
    }

    /**
     * Finishes or rolls back {@code m} and ends its journal.
     *
     * @param m a pending migration
     * @return what recovery did
     * @throws InvalidMigrationException when a host, app or strategy it names is unknown, or it is still running
     */
    public RecoveryReport recover(JournaledMigration m) {
        if (m.running()) {
            throw new InvalidMigrationException("migration " + m.id() + " is still running in another process"
                    + " (its journal " + m.file() + " is locked): wait for it, or stop that process first");
        }
        AppSpec app = require(apps.apply(m.app()), "app", m.app(), m);
        Host source = require(hosts.apply(m.source()), "host", m.source(), m);
        Host target = require(hosts.apply(m.target()), "host", m.target(), m);
        Strategy strategy = require(strategies.apply(m.strategy()), "strategy", m.strategy(), m);
        try (JournalFile file = JournalFile.resume(m.file())) {
            RunContext context = new RunContext(m.id(), app, source, target, LinkProfile.unshaped());
            m.values().forEach(context::restore);
            List<String> actions = new ArrayList<>();
            RecoveryReport resolved = finishable(m, context, actions)
                    ? new RecoveryReport(m, RecoveryReport.Resolution.FINISHED, target.name(), actions)
                    : rollBack(m, context, strategy, actions);
            if (resolved.resolution() != RecoveryReport.Resolution.FAILED) {
                runAll("after the migration", strategy.afterMigration(), m, context, actions);
            } else if (!strategy.afterMigration().isEmpty()) {
                actions.add("the app serves nowhere, so the clean-up after the migration was not done: what it"
                        + " would remove is kept for a start by hand");
            }
            RecoveryReport report = new RecoveryReport(m, resolved.resolution(), resolved.servedFrom(), actions);
            file.ended(JournalEntries.RECOVERED, report.resolution() + ": " + String.join("; ", report.actions()));
            LOG.info("recovered {}", report.describe());
            return report;
        }
    }

    /** Whether the app already runs on the target, answers there, and kept its state. */
    private boolean finishable(JournaledMigration m, RunContext ctx, List<String> actions) {
        if (m.phase() != Phase.RELOCATION || !m.serviceStarted()) {
            actions.add("the app was not started on the target yet: rolling back");
            return false;
        }
        AppSpec app = ctx.app();
        if (!answers(app, ctx.target())) {
            actions.add("the app was started on " + ctx.target().name() + " but does not answer there: rolling back");
            return false;
        }
        actions.add("the app answers on " + ctx.target().name());
        Optional<String> before = ctx.find(Key.journaled(JournalEntries.STATE_BEFORE));
        if (app.stateProbe() != StateProbe.none()) {
            Optional<AppState> after = app.stateProbe().read(ctx.target().serviceAddress(app));
            StateVerdict verdict = before.isEmpty() || after.isEmpty()
                    ? StateVerdict.lost("state could not be read " + (before.isEmpty() ? "from the journal"
                    : "on the target"))
                    : app.stateProbe().compare(new AppState(before.get()), after.get());
            actions.add("state on the target: " + (verdict.preserved() ? "kept" : "LOST") + " (" + verdict.detail() + ")");
            if (!verdict.preserved()) {
                return false;
            }
        }
        if (ctx.source().isRunning(app.container())) {
            actions.add("WARNING: the source container runs too; it was restarted by someone else, stop it");
        }
        return true;
    }

    private RecoveryReport rollBack(JournaledMigration m, RunContext ctx, Strategy strategy, List<String> actions) {
        Phase phase = m.phase() == Phase.RELOCATION ? Phase.RELOCATION : Phase.PRE_RELOCATION;
        ctx.phase(phase);
        runAll("rollback", strategy.rollback(phase), m, ctx, actions);
        AppSpec app = ctx.app();
        boolean served = answers(app, ctx.source());
        actions.add("source answers its readiness check: " + (served ? "yes" : "NO"));
        return new RecoveryReport(m, served ? RecoveryReport.Resolution.ROLLED_BACK : RecoveryReport.Resolution.FAILED,
                served ? ctx.source().name() : null, actions);
    }

    /** Runs each of {@code steps}, even after one failed, and says how each went. */
    private static void runAll(String what, List<Step> steps, JournaledMigration m, RunContext ctx,
                               List<String> actions) {
        for (Step step : steps) {
            try {
                step.action().run(ctx);
                actions.add(step.name() + ": done");
            } catch (Exception e) {
                actions.add(step.name() + ": FAILED (" + e.getMessage() + ")");
                LOG.warn("recovery of {}: {} step '{}' failed", m.id(), what, step.name(), e);
            }
        }
    }

    private static boolean answers(AppSpec app, Host host) {
        try {
            Readiness.await(app.readiness(), host.serviceAddress(app), app.readinessTimeout(), Duration.ofMillis(20));
            return true;
        } catch (MigrationException e) {
            return false;
        }
    }

    private static <T> T require(T found, String kind, String name, JournaledMigration m) {
        if (found == null) {
            throw new InvalidMigrationException("cannot recover " + m.id() + ": unknown " + kind + " '" + name
                    + "'; give recovery the " + kind + " under that name (its journal is " + m.file() + ")");
        }
        return found;
    }
}

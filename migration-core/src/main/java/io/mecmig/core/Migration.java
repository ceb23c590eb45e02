package io.mecmig.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The entry point: describe one migration, then trigger its two phases separately.
 *
 * <pre>{@code
 * PreRelocation prepared = Migration.of(app)
 *         .from(source).to(target)
 *         .strategy(Strategies.named("fccp"))
 *         .onEvent(MigrationEvent.StepCompleted.class, e -> log(e.timing()))
 *         .preRelocate();                 // phase 1: the app keeps serving on the source
 * MigrationReport report = prepared.relocate();   // phase 2: downtime; the app serves from the target
 * }</pre>
 *
 * <p>A failed step rolls back: the app serves from the source again with its state, and the call throws a
 * {@link StepFailedException} that carries the report.
 */
public final class Migration {

    private Migration() {
    }

    /**
     * Starts describing the migration of {@code app}.
     *
     * @param app the app to move
     * @return a builder for the rest of the settings
     * @throws InvalidMigrationException when {@code app} is null
     */
    public static Builder of(AppSpec app) {
        if (app == null) {
            throw new InvalidMigrationException("no app given: pass an AppSpec to Migration.of(...)");
        }
        return new Builder(app);
    }

    /** Collects the migration's settings; {@link #preRelocate()} validates them and starts phase 1. */
    public static final class Builder {
        private final AppSpec app;
        private Host source;
        private Host target;
        private Strategy strategy;
        private LinkProfile link = LinkProfile.unshaped();
        private Duration probeInterval = Duration.ofMillis(10);
        private boolean ueProbe = true;
        private StateLossPolicy stateLoss = StateLossPolicy.ROLL_BACK;
        private Journal journal;
        private final EventBus.Registrations listeners = new EventBus.Registrations();

        private Builder(AppSpec app) {
            this.app = app;
        }

        /**
         * The host the app runs on now.
         *
         * @param source the source host
         * @return this builder
         */
        public Builder from(Host source) {
            this.source = source;
            return this;
        }

        /**
         * The host the app moves to.
         *
         * @param target the target host
         * @return this builder
         */
        public Builder to(Host target) {
            this.target = target;
            return this;
        }

        /**
         * How to move it.
         *
         * @param strategy the strategy
         * @return this builder
         */
        public Builder strategy(Strategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /**
         * The strategy called {@code name}, see {@link Strategies#named(String)}.
         *
         * @param name a strategy's name, case-insensitive
         * @return this builder
         * @throws UnknownStrategyException listing the strategies on the class path
         */
        public Builder strategy(String name) {
            return strategy(Strategies.named(name));
        }

        /**
         * The link's configured rate and loss, recorded in the report (shaping itself is the testbed's job).
         *
         * @param link the link's profile
         * @return this builder
         */
        public Builder link(LinkProfile link) {
            this.link = Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * How often the UE-side probe calls the app during relocation (default 10 ms).
         *
         * @param interval the time between two calls
         * @return this builder
         */
        public Builder probeInterval(Duration interval) {
            this.probeInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Turns the UE-side downtime probe off (it is on by default).
         *
         * @return this builder
         */
        public Builder withoutUeProbe() {
            this.ueProbe = false;
            return this;
        }

        /**
         * What to do when the app's state is lost on the target (default: roll back).
         *
         * @param policy roll back, or record the loss and keep the app on the target
         * @return this builder
         */
        public Builder onStateLoss(StateLossPolicy policy) {
            this.stateLoss = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Writes the migration's progress to {@code journal} (off by default in the library, on in the command
         * line), so that {@link Recovery} can finish or roll it back if this process dies half-way. It also
         * refuses a second migration of the same app from the same host, across processes.
         *
         * @param journal the journal to write to
         * @return this builder
         */
        public Builder journal(Journal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * Registers a listener for events of {@code type} (and its subtypes).
         *
         * @param <E> the event type
         * @param type the event type's class
         * @param listener called for each such event
         * @return this builder
         */
        public <E extends MigrationEvent> Builder onEvent(Class<E> type, MigrationListener<? super E> listener) {
            listeners.add(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Validates the settings and runs phase 1 (pre-relocation). The app keeps serving on the source.
         *
         * @return the handle to trigger relocation with, holding phase 1's report
         * @throws InvalidMigrationException for bad settings, before anything runs
         * @throws StepFailedException when a step failed; the target was cleaned and the source never stopped
         */
        public PreRelocation preRelocate() {
            validate();
            String id = MigrationIds.next(app.container(), strategy.name());
            MigrationRun run = new MigrationRun(id, app, source, target, strategy, link, listeners,
                    new MigrationRun.Options(ueProbe, probeInterval, stateLoss, journal));
            return run.preRelocate();
        }

        /**
         * Both phases back to back: {@code preRelocate().relocate()}.
         *
         * @return the migration's report
         * @throws InvalidMigrationException for bad settings, before anything runs
         * @throws StepFailedException when a step failed, after rollback; it carries the report
         */
        public MigrationReport migrate() {
            return preRelocate().relocate();
        }

        private void validate() {
            if (source == null || target == null) {
                throw new InvalidMigrationException("source and target hosts are required: call .from(host).to(host)");
            }
            if (strategy == null) {
                throw new InvalidMigrationException("no strategy given: call .strategy(name), one of "
                        + String.join(", ", Strategies.names()));
            }
            if (source == target || source.name().equals(target.name())) {
                throw new InvalidMigrationException("source and target are the same host '" + source.name()
                        + "': migrate between two different hosts");
            }
            if (journal != null) {
                journal.refuseIfUnfinished(app, source); // before "not running": a crash may be why it is not
            }
            if (!source.isRunning(app.container())) {
                throw new InvalidMigrationException("app container '" + app.container() + "' is not running on "
                        + source.name() + ": start it there first, or check the name (docker ps on that host)");
            }
        }
    }
}

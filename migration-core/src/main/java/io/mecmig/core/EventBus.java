package io.mecmig.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to the listeners of their type; a listener's failure never stops a migration. */
final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Registration<E extends MigrationEvent>(Class<E> type, MigrationListener<? super E> listener) {
        void deliver(MigrationEvent event) {
            if (type.isInstance(event)) {
                listener.on(type.cast(event));
            }
        }
    }

    private final List<Registration<?>> registrations;
    private final Consumer<String> warnings;

    private EventBus(List<Registration<?>> registrations, Consumer<String> warnings) {
        this.registrations = List.copyOf(registrations);
        this.warnings = warnings;
    }

    void publish(MigrationEvent event) {
        for (Registration<?> r : registrations) {
            try {
                r.deliver(event);
            } catch (RuntimeException e) {
                String message = "a listener of " + r.type().getSimpleName() + " threw " + e + "; the migration went on";
                LOG.warn(message, e);
                warnings.accept(message);
            }
        }
    }

    /** Collects registrations while a migration is configured. */
    static final class Registrations {
        private final List<Registration<?>> list = new ArrayList<>();

        <E extends MigrationEvent> void add(Class<E> type, MigrationListener<? super E> listener) {
            list.add(new Registration<>(type, listener));
        }

        EventBus bus(Consumer<String> warnings) {
            return new EventBus(list, warnings);
        }
    }
}

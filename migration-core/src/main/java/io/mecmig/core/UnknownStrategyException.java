package io.mecmig.core;

import java.util.Collection;

/** A strategy name that no installed backend provides. */
public class UnknownStrategyException extends InvalidMigrationException {

    private static final long serialVersionUID = 1L;

    public UnknownStrategyException(String name, Collection<String> known) {
        super("unknown strategy '" + name + "': use one of " + String.join(", ", known)
                + (known.isEmpty() ? "(none: add migration-docker or migration-criu to the class path)" : ""));
    }
}

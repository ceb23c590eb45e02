package io.mecmig.core;

import java.util.Collection;

/** A strategy name that no installed backend provides. */
public class UnknownStrategyException extends InvalidMigrationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param name  the name asked for
     * @param known the names of every strategy on the class path
     */
    public UnknownStrategyException(String name, Collection<String> known) {
        super("unknown strategy '" + name + "': " + (known.isEmpty()
                ? "no strategy is on the class path; add migration-docker or migration-criu to it"
                : "use one of " + String.join(", ", known)));
    }
}

package io.mecmig.core;

import java.util.HashSet;
import java.util.Set;

/** The apps being migrated in this process: two migrations of the same app at once are refused. */
final class InFlight {

    private static final Set<String> APPS = new HashSet<>();

    private InFlight() {
    }

    static synchronized void acquire(Host source, AppSpec app) {
        String key = source.name() + "/" + app.container();
        if (!APPS.add(key)) {
            throw new InvalidMigrationException("app '" + app.container() + "' on " + source.name()
                    + " is already being migrated: wait for that migration to finish");
        }
    }

    static synchronized void release(Host source, AppSpec app) {
        APPS.remove(source.name() + "/" + app.container());
    }
}

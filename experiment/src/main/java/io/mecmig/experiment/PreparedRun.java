package io.mecmig.experiment;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Host;
import java.util.Objects;

/**
 * An app deployed fresh on the source and ready to be migrated.
 *
 * @param app how to reach, check and move the app
 * @param source the host it runs on now
 * @param target the host it moves to, with nothing of the app on it
 */
public record PreparedRun(AppSpec app, Host source, Host target) {

    public PreparedRun {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}

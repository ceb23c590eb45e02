package io.mecmig.experiment;

import io.mecmig.core.LinkProfile;
import java.util.Locale;
import java.util.Objects;

/**
 * One cell of the matrix: an app moved with a strategy over a link.
 *
 * @param app the app's short name, for example {@code uspa}
 * @param strategy the strategy's name, for example {@code fccp}
 * @param link the link's rate and packet loss
 */
public record Cell(String app, String strategy, LinkProfile link) {

    public Cell {
        app = Objects.requireNonNull(app, "app").toLowerCase(Locale.ROOT);
        strategy = Objects.requireNonNull(strategy, "strategy").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(link, "link");
    }

    /** For humans and file names: {@code uspa/fccp/100mbit/loss5}. */
    public String label() {
        return app + "/" + strategy + "/" + link.rateLabel() + "/loss" + LossLabel.of(link.lossPercent());
    }
}

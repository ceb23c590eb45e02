package io.mecmig.report;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * A link setting of the experiment: rate and packet loss.
 *
 * @param rate the rate as tc writes it, for example {@code 100mbit}
 * @param rateBps the rate in bit/s
 * @param lossPercent packet loss in percent
 */
public record LinkConfig(String rate, long rateBps, double lossPercent) {

    /** The paper's reference configuration: 100 Mbit/s, no loss. */
    public static final LinkConfig REFERENCE = new LinkConfig("100mbit", 100_000_000L, 0);

    /** Faster links first, then by loss. */
    public static final Comparator<LinkConfig> ORDER = Comparator.comparingLong(LinkConfig::rateBps).reversed()
            .thenComparingDouble(LinkConfig::lossPercent);

    /** {@code 100 Mbit/s, no loss}, {@code 1 Gbit/s, 5 % loss}: as the paper writes link settings. */
    public String label() {
        return rateLabel() + ", " + (lossPercent == 0 ? "no loss"
                : BigDecimal.valueOf(lossPercent).stripTrailingZeros().toPlainString() + " % loss");
    }

    /** The rate in Mbit/s or Gbit/s; tc's own spelling when it is not a round number of either. */
    private String rateLabel() {
        if (rateBps >= 1_000_000_000L && rateBps % 1_000_000_000L == 0) {
            return rateBps / 1_000_000_000L + " Gbit/s";
        }
        if (rateBps >= 1_000_000L && rateBps % 1_000_000L == 0) {
            return rateBps / 1_000_000L + " Mbit/s";
        }
        return rate;
    }
}

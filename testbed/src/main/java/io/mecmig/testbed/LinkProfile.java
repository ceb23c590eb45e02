package io.mecmig.testbed;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition of the migration link: a rate limit and a packet loss probability, applied to each
 * direction of every link between hosts (like the paper's tc on the NUCs' link).
 *
 * @param rateBitsPerSecond rate limit in bit/s, 0 for none
 * @param lossPercent       probability in percent (0 to 100, steps of 0.001) that a packet crossing the
 *                          link in either direction is dropped
 */
public record LinkProfile(long rateBitsPerSecond, double lossPercent) {

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(bit|kbit|mbit|gbit)?", Pattern.CASE_INSENSITIVE);

    public LinkProfile {
        if (rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("the link rate cannot be negative: " + rateBitsPerSecond);
        }
        if (rateBitsPerSecond > 0 && rateBitsPerSecond < 8_000) {
            throw new IllegalArgumentException("a link rate below 8kbit cannot carry a packet: " + rateBitsPerSecond + " bit/s");
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("packet loss is a percentage from 0 to 100, not " + lossPercent);
        }
    }

    /** No rate limit, no loss. */
    public static LinkProfile unlimited() {
        return new LinkProfile(0, 0);
    }

    /** The paper's reference condition: 100 Mbit/s, no loss. */
    public static LinkProfile paperReference() {
        return new LinkProfile(100_000_000L, 0);
    }

    /**
     * Parses a rate such as {@code 1gbit}, {@code 100mbit}, {@code 500kbit} (SI units, as tc reads them)
     * or {@code unlimited}.
     */
    public static long parseRate(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited") || t.equals("none") || t.equals("0")) {
            return 0;
        }
        Matcher m = RATE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("link rate '" + text + "' is not understood: write e.g. 1gbit, 100mbit,"
                    + " 500kbit or unlimited");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "bit" : m.group(2);
        long factor = switch (unit) {
            case "kbit" -> 1_000L;
            case "mbit" -> 1_000_000L;
            case "gbit" -> 1_000_000_000L;
            default -> 1L;
        };
        return Math.round(value * factor);
    }

    /** A profile from a rate text and a loss percentage. */
    public static LinkProfile of(String rate, double lossPercent) {
        return new LinkProfile(parseRate(rate), lossPercent);
    }

    /** True when a rate limit applies. */
    public boolean limited() {
        return rateBitsPerSecond > 0;
    }

    /** The rate for humans, e.g. {@code 100mbit}, {@code 1gbit}, {@code unlimited}. */
    public String rateText() {
        if (rateBitsPerSecond == 0) {
            return "unlimited";
        }
        if (rateBitsPerSecond % 1_000_000_000L == 0) {
            return rateBitsPerSecond / 1_000_000_000L + "gbit";
        }
        if (rateBitsPerSecond % 1_000_000L == 0) {
            return rateBitsPerSecond / 1_000_000L + "mbit";
        }
        if (rateBitsPerSecond % 1_000L == 0) {
            return rateBitsPerSecond / 1_000L + "kbit";
        }
        return rateBitsPerSecond + "bit";
    }

    /** Loss in thousandths of a percent, the unit of the nftables rule (1 in 100000 packets). */
    long lossPer100k() {
        return Math.round(lossPercent * 1000);
    }

    @Override
    public String toString() {
        return "rate " + rateText() + ", loss " + lossPercent + " %";
    }
}

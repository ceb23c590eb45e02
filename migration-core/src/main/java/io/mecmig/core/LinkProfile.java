package io.mecmig.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link between source and target as configured for a run: its rate and its packet loss.
 *
 * @param bitsPerSecond the shaped rate; 0 means not shaped
 * @param lossPercent packets dropped, 0 to 100
 */
public record LinkProfile(long bitsPerSecond, double lossPercent) {

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)bit", Pattern.CASE_INSENSITIVE);
    /** Below this a shaper's bucket cannot hold one full-size packet. */
    private static final long SLOWEST_RATE = 8_000;

    /**
     * Validates rate and loss.
     *
     * @param bitsPerSecond the shaped rate; 0 means not shaped
     * @param lossPercent packets dropped, 0 to 100
     */
    public LinkProfile {
        if (bitsPerSecond < 0) {
            throw new InvalidMigrationException("link rate must not be negative, got " + bitsPerSecond);
        }
        if (bitsPerSecond > 0 && bitsPerSecond < SLOWEST_RATE) {
            throw new InvalidMigrationException("a link rate below 8kbit cannot carry a packet: " + bitsPerSecond
                    + " bit/s; use 8kbit or more, or unlimited");
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new InvalidMigrationException("packet loss " + lossPercent + " % is out of range: use 0 to 100");
        }
    }

    /**
     * A link with no shaping and no loss.
     *
     * @return that link
     */
    public static LinkProfile unshaped() {
        return new LinkProfile(0, 0);
    }

    /**
     * Parses a tc-style rate such as {@code 100mbit}, {@code 1gbit} or {@code 1Gbit} (as tc prints it), or
     * {@code unlimited} for no shaping.
     *
     * @param rate the rate as tc writes it
     * @param lossPercent packets dropped, 0 to 100
     * @return the link
     * @throws InvalidMigrationException naming the accepted forms
     */
    public static LinkProfile of(String rate, double lossPercent) {
        return new LinkProfile(parseRate(rate), lossPercent);
    }

    /**
     * The rate in bit/s of a text as {@link #of} reads it; 0 for {@code unlimited}.
     *
     * @param rate the rate as tc writes it
     * @return bit/s
     * @throws InvalidMigrationException naming the accepted forms
     */
    public static long parseRate(String rate) {
        String text = rate == null ? "" : rate.trim().toLowerCase(Locale.ROOT);
        if (text.equals("unlimited") || text.equals("unshaped") || text.equals("0")) {
            return 0;
        }
        Matcher m = RATE.matcher(text);
        if (!m.matches()) {
            throw new InvalidMigrationException("link rate '" + rate + "' is not understood: write it as tc does,"
                    + " for example 100mbit or 1gbit, or unlimited");
        }
        double value = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "k" -> 1_000L;
            case "m" -> 1_000_000L;
            case "g" -> 1_000_000_000L;
            default -> 1L;
        };
        return Math.round(value * unit);
    }

    /**
     * True when a rate limit applies.
     *
     * @return true when shaped
     */
    public boolean limited() {
        return bitsPerSecond > 0;
    }

    /**
     * The rate as tc writes it, for example {@code 100mbit}; {@code unshaped} when not shaped.
     *
     * @return the label
     */
    public String rateLabel() {
        if (bitsPerSecond == 0) {
            return "unshaped";
        }
        if (bitsPerSecond % 1_000_000_000L == 0) {
            return bitsPerSecond / 1_000_000_000L + "gbit";
        }
        if (bitsPerSecond % 1_000_000L == 0) {
            return bitsPerSecond / 1_000_000L + "mbit";
        }
        if (bitsPerSecond % 1_000L == 0) {
            return bitsPerSecond / 1_000L + "kbit";
        }
        return bitsPerSecond + "bit";
    }

    @Override
    public String toString() {
        return "rate " + rateLabel() + ", loss " + lossPercent + " %";
    }
}

package io.mecmig.experiment;

import java.math.BigDecimal;

/** Writes a loss percentage without trailing zeros, so that 5.0 and 5 name the same cell. */
final class LossLabel {

    private LossLabel() {
    }

    static String of(double lossPercent) {
        return BigDecimal.valueOf(lossPercent).stripTrailingZeros().toPlainString();
    }
}

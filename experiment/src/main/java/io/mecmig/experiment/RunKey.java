package io.mecmig.experiment;

import java.util.Objects;

/**
 * One run of a cell: the unit that is resumed. Two keys are equal when they name the same cell and index.
 *
 * @param cell the cell
 * @param index the run's number in its cell, from 1
 */
public record RunKey(Cell cell, int index) {

    public RunKey {
        Objects.requireNonNull(cell, "cell");
        if (index < 1) {
            throw new IllegalArgumentException("run index starts at 1, got " + index);
        }
    }

    /** A stable id, the same across processes: {@code uspa/fccp/100mbit/loss5#3}. */
    public String id() {
        return cell.label() + "#" + index;
    }
}

package io.mecmig.core;

/**
 * The paper's first viability metric (Table IV): did the app run correctly on the target.
 *
 * @param runsOnTarget the app answered its readiness check on the target
 * @param manualInput a person had to give input (SFP's CMD)
 * @param manualInputDetail what input, or null
 * @param statePreserved the state check held
 */
public record Viability(boolean runsOnTarget, boolean manualInput, String manualInputDetail, boolean statePreserved) {

    /**
     * Viable: it runs on the target with its state, with or without manual input.
     *
     * @return true when viable
     */
    public boolean viable() {
        return runsOnTarget && statePreserved;
    }

    /**
     * The paper's wording: "Yes", "Yes (with some manual inputs)" or "No".
     *
     * @return the label
     */
    public String label() {
        if (!viable()) {
            return "No";
        }
        return manualInput ? "Yes (with some manual inputs)" : "Yes";
    }
}

package io.mecmig.sandbox.report;

/**
 * Time between consecutive changes of a UE's serving MEC host: the time a migration has to complete.
 *
 * @param placement       where the hosts sit
 * @param ues             number of UEs covered
 * @param durationSeconds scenario time simulated
 * @param tickSeconds     tick length (the resolution of every figure)
 * @param hostChanges     changes of serving host, over all UEs
 * @param intervals       number of complete intervals between two consecutive changes
 * @param averageSeconds  mean interval, NaN when there is none
 * @param shortestSeconds shortest interval, NaN when there is none
 * @param longestSeconds  longest interval, NaN when there is none
 */
public record HostChangeStats(HostPlacement placement, int ues, double durationSeconds, double tickSeconds,
                              int hostChanges, int intervals, double averageSeconds, double shortestSeconds,
                              double longestSeconds) {

    /** The paper's Table V figures for a placement: {average, shortest} in seconds. */
    public static double[] paper(HostPlacement placement) {
        return placement == HostPlacement.POA ? new double[] {12.301, 1.037} : new double[] {53.151, 1.854};
    }
}

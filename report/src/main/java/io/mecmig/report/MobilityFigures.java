package io.mecmig.report;

/**
 * Table V's inputs: how long a UE stays attached to one MEC host, from the mobility engine, for the two
 * placements the paper considers (one host per PoA, one host per zone). Seconds of scenario time.
 *
 * @param perPoaAverage average time between PoA changes
 * @param perPoaShortest shortest time between PoA changes
 * @param perZoneAverage average time between zone changes
 * @param perZoneShortest shortest time between zone changes
 * @param source how they were obtained (scenario, UEs, duration)
 */
public record MobilityFigures(double perPoaAverage, double perPoaShortest, double perZoneAverage,
                              double perZoneShortest, String source) {
}

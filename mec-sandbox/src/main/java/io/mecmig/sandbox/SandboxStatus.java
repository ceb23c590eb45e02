package io.mecmig.sandbox;

/**
 * The sandbox clock and population at one moment.
 *
 * @param tick            ticks since the last reset
 * @param scenarioSeconds scenario time since the last reset
 * @param running         true while time advances by itself
 * @param timeScale       scenario seconds per wall-clock second
 * @param tickSeconds     scenario seconds per tick
 * @param ues             number of active UEs
 * @param connectedUes    number of active UEs that a PoA serves
 * @param selection       the UE selection, e.g. {@code stationary=all,low=all,high=all}
 */
public record SandboxStatus(long tick, double scenarioSeconds, boolean running, double timeScale,
                            double tickSeconds, int ues, int connectedUes, String selection) {
}

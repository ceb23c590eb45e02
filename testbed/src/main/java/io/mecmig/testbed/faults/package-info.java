/**
 * Faults to inject into the testbed while a migration runs: a cut link, a loss spike, a killed daemon, a
 * full disk, a corrupted file, a killed process. Each fault is undone by closing what it returns.
 */
package io.mecmig.testbed.faults;

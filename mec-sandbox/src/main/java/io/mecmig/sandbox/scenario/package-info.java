/** Scenario model: zones, points of access with coverage radius, UEs with paths; the bundled Monaco network. */
package io.mecmig.sandbox.scenario;

/** The migration API and engine: two phases, timed steps, reports, events, probes, rollback. */
package io.mecmig.core;

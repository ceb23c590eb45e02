/**
 * Runtime shared by the three V2X sample apps (BA, USPA, ASW): configuration read from the environment
 * ({@link io.mecmig.apps.common.AppConfig}), the MEC API client ({@link io.mecmig.apps.common.MecApiClient}),
 * the fixed-period poll loop that survives any failure ({@link io.mecmig.apps.common.PollLoop}) and the
 * {@code /health} + {@code /state} server ({@link io.mecmig.apps.common.StatusServer}).
 */
package io.mecmig.apps.common;

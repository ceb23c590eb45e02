/** The mobility engine: geodesic maths, path walking (LOOP/REVERSE), PoA selection, ticks and snapshots. */
package io.mecmig.sandbox.mobility;

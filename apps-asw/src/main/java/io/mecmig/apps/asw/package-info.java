/** ASW: keeps visited zones and their PoAs in memcached inside its container. */
package io.mecmig.apps.asw;

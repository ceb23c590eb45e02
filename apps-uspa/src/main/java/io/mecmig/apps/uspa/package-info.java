/** USPA: counts zone changes; keeps its counter in a Docker volume. */
package io.mecmig.apps.uspa;

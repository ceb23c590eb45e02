/** Embedded MEC platform: ETSI MEC 013 Location API and MEC 012 RNIS with user mobility. */
package io.mecmig.sandbox;

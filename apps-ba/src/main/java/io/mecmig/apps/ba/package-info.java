/** BA: polls RNIS E-RAB information every 200 ms; keeps no state. */
package io.mecmig.apps.ba;

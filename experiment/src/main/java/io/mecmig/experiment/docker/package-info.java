/**
 * The experiment's session on two real Docker hosts: the sample apps from the catalog, deployed fresh for
 * every run, a link shaper, and the MEC sandbox's clock to let the apps accumulate state before a migration.
 */
package io.mecmig.experiment.docker;

/** Two (or N) MEC hosts on one machine: namespaces, a dockerd and sshd each, a shaped link. */
package io.mecmig.testbed;

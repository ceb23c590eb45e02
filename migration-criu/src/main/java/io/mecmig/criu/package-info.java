/** Checkpoint/restore strategies: the paper's FullSP and faster full-state migration. */
package io.mecmig.criu;

/** Programs that embed mecmig the way another orchestrator would. */
package io.mecmig.examples;

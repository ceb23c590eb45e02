/** The MEO: follows a UE and decides when and how to migrate its app. */
package io.mecmig.orchestrator;

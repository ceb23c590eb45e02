/** Benchmarks that print their figures: latency of the Location API users query. */
package io.mecmig.sandbox.bench;

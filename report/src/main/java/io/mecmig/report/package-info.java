/**
 * The experiment report: reads an experiment's {@code results.jsonl} and writes the paper's figures 4-10 as
 * PNG charts, its tables III-V from what was observed, medians with their spread, and a side-by-side table
 * against the paper's own figures, as one self-contained HTML file and a Markdown summary.
 * Entry point: {@link io.mecmig.report.ReportBuilder}.
 */
package io.mecmig.report;

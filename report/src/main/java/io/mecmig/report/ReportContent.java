package io.mecmig.report;

import java.util.List;

/**
 * What a report says, before it is written as HTML or Markdown.
 *
 * @param title the heading
 * @param intro lines under the heading: machine, runs, configuration
 * @param charts the figures, in the paper's order
 * @param tables the tables, in reading order
 */
record ReportContent(String title, List<String> intro, List<Chart> charts, List<Table> tables) {
}

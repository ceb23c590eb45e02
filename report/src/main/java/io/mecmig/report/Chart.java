package io.mecmig.report;

import java.nio.file.Path;

/**
 * One chart the report drew.
 *
 * @param id file name without extension, for example {@code fig4-sizes}
 * @param title what it shows, with the paper's figure number
 * @param caption how to read it: configuration, unit, what the whiskers are
 * @param png where the PNG was written
 */
public record Chart(String id, String title, String caption, Path png) {
}

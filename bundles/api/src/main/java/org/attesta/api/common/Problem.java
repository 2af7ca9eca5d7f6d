package org.attesta.api.common;

/**
 * One thing wrong with input.
 *
 * @param line the line of the input file (1 = first line), or 0 when the input is not a file
 * @param column the column or field, as named in the input
 * @param message what is wrong and how to fix it
 */
public record Problem(long line, String column, String message) {
}

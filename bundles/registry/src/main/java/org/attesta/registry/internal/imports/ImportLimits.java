package org.attesta.registry.internal.imports;

/**
 * Configured limits of an import.
 *
 * @param maxBytes largest file accepted
 * @param maxReportedErrors most bad rows listed (all are counted)
 * @param batchSize rows written per JDBC batch
 * @param specialNeedsExtraMinutes extra minutes given to participants with special needs
 */
public record ImportLimits(long maxBytes, int maxReportedErrors, int batchSize, int specialNeedsExtraMinutes) {
}

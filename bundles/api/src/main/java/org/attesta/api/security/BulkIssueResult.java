package org.attesta.api.security;

/**
 * @param issued accounts created, each with a one-time password waiting to be handed over
 * @param existing accounts that were there already and were left unchanged
 */
public record BulkIssueResult(int issued, int existing) {
}

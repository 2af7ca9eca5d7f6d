package org.attesta.audit.internal;

/** The single row of audit_head: the sequence number and hash of the chain's last entry. */
record ChainHead(long lastSequence, String lastHash) {
}

--liquibase formatted sql

--changeset attesta:008-keyed-audit-chain
-- Which hash an entry carries: 1 = plain SHA-256 (entries written before this change),
-- 2 = HMAC-SHA256 under the audit key kept outside the database. Existing rows are scheme 1;
-- the code writes 2 from now on, chained onto the last plain entry. That the plain entries stay
-- a prefix of the chain is checked against the signed anchors, not taken from this column.
ALTER TABLE audit_entry ADD COLUMN chain_scheme SMALLINT DEFAULT 1 NOT NULL;

--liquibase formatted sql

--changeset attesta:004-accounts
-- Staff accounts. Passwords only as Argon2id hashes (PHC strings). pending_credential holds a
-- one-time password encrypted with the key outside the database until it is handed over once.
CREATE SEQUENCE account_seq AS BIGINT START WITH 1 INCREMENT BY 1;
CREATE TABLE account (
    id BIGINT NOT NULL,
    login VARCHAR(64) NOT NULL,
    display_name VARCHAR(300) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    password_change_required BOOLEAN NOT NULL,
    pending_credential VARCHAR(300),
    state VARCHAR(10) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR(100),
    password_changed_at TIMESTAMP,
    last_login_at TIMESTAMP,
    version BIGINT NOT NULL,
    CONSTRAINT account_pk PRIMARY KEY (id),
    CONSTRAINT account_login_uk UNIQUE (login)
);

-- scope_code is '*' for the region, so that it can be part of the key. municipality_code is
-- the municipality of a school scope (or the municipality scope itself), so that a
-- municipality's accounts are found without asking the registry for its schools.
CREATE TABLE account_role (
    account_id BIGINT NOT NULL,
    role VARCHAR(30) NOT NULL,
    scope_level VARCHAR(12) NOT NULL,
    scope_code VARCHAR(20) NOT NULL,
    municipality_code VARCHAR(20),
    CONSTRAINT account_role_pk PRIMARY KEY (account_id, role, scope_level, scope_code),
    CONSTRAINT account_role_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX account_role_scope_ix ON account_role (scope_code, account_id);
CREATE INDEX account_role_municipality_ix ON account_role (municipality_code, account_id);

-- Failed logins, per login ('login:...') and per address ('address:...'), shared by all nodes.
CREATE TABLE login_throttle (
    throttle_key VARCHAR(120) NOT NULL,
    failures INTEGER NOT NULL,
    window_start TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    CONSTRAINT login_throttle_pk PRIMARY KEY (throttle_key)
);

-- Sessions: the token itself is never stored, only its SHA-256, so a copy of the database
-- opens no session.
CREATE TABLE staff_session (
    id VARCHAR(36) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    account_id BIGINT NOT NULL,
    address VARCHAR(64),
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    CONSTRAINT staff_session_pk PRIMARY KEY (id),
    CONSTRAINT staff_session_token_uk UNIQUE (token_hash),
    CONSTRAINT staff_session_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX staff_session_account_ix ON staff_session (account_id);

-- Who submitted a background import: only that caller (or the region) may follow it.
ALTER TABLE import_job ADD COLUMN submitted_by VARCHAR(100);

--changeset attesta:004-audit
-- The audit log: append-only, each entry's hash covers the previous entry's hash. The single
-- row of audit_head is the chain's end; updating it first serialises appenders on all nodes.
-- occurred_at is milliseconds since the epoch (UTC), the value the hash covers.
CREATE TABLE audit_head (
    id INTEGER NOT NULL,
    last_sequence BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_head_pk PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_sequence, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_entry (
    sequence_no BIGINT NOT NULL,
    occurred_at BIGINT NOT NULL,
    actor VARCHAR(100),
    actor_kind VARCHAR(30) NOT NULL,
    address VARCHAR(64),
    action VARCHAR(80) NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    object_type VARCHAR(40),
    object_id VARCHAR(100),
    detail VARCHAR(16000) NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (sequence_no)
);
CREATE INDEX audit_entry_actor_ix ON audit_entry (actor, sequence_no);
CREATE INDEX audit_entry_object_ix ON audit_entry (object_type, object_id, sequence_no);
CREATE INDEX audit_entry_action_ix ON audit_entry (action, sequence_no);
CREATE INDEX audit_entry_time_ix ON audit_entry (occurred_at);

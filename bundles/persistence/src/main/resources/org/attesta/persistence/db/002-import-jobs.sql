--liquibase formatted sql

--changeset attesta:002-import-jobs
-- Background imports: any node can answer for a job, so its state lives here, not in memory.
CREATE TABLE import_job (
    id VARCHAR(36) NOT NULL,
    node VARCHAR(100) NOT NULL,
    state VARCHAR(10) NOT NULL,
    source VARCHAR(200),
    media_type VARCHAR(100) NOT NULL,
    store_valid_rows BOOLEAN NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    rows_read BIGINT NOT NULL,
    bytes_read BIGINT NOT NULL,
    total_bytes BIGINT NOT NULL,
    submitted TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    format VARCHAR(100),
    created BIGINT,
    unchanged BIGINT,
    rejected BIGINT,
    stored BOOLEAN,
    failure_type VARCHAR(50),
    failure_message VARCHAR(1000),
    CONSTRAINT import_job_pk PRIMARY KEY (id)
);
CREATE INDEX import_job_node_ix ON import_job (node, state);

CREATE TABLE import_job_error (
    job_id VARCHAR(36) NOT NULL,
    error_no INTEGER NOT NULL,
    line BIGINT NOT NULL,
    column_name VARCHAR(100),
    message VARCHAR(1000) NOT NULL,
    CONSTRAINT import_job_error_pk PRIMARY KEY (job_id, error_no),
    CONSTRAINT import_job_error_job_fk FOREIGN KEY (job_id) REFERENCES import_job (id)
);

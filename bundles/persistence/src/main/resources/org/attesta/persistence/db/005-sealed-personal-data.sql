--liquibase formatted sql

--changeset attesta:005-sealed-personal-data-derby dbms:derby
-- Document numbers and СНИЛС are stored sealed (AES-256-GCM, key outside the database) and the
-- duplicate keys as keyed hashes (HMAC-SHA256, base64url): both are longer than the clear text.
-- The registry seals the rows written before this change when it starts.
ALTER TABLE participant ALTER COLUMN document_series SET DATA TYPE VARCHAR(120);
ALTER TABLE participant ALTER COLUMN document_number SET DATA TYPE VARCHAR(120);
ALTER TABLE participant ALTER COLUMN snils SET DATA TYPE VARCHAR(120);
ALTER TABLE participant ALTER COLUMN document_key SET DATA TYPE VARCHAR(64);
ALTER TABLE participant ALTER COLUMN snils_key SET DATA TYPE VARCHAR(64);

--changeset attesta:005-sealed-personal-data-postgresql dbms:postgresql
ALTER TABLE participant
    ALTER COLUMN document_series TYPE VARCHAR(120),
    ALTER COLUMN document_number TYPE VARCHAR(120),
    ALTER COLUMN snils TYPE VARCHAR(120),
    ALTER COLUMN document_key TYPE VARCHAR(64),
    ALTER COLUMN snils_key TYPE VARCHAR(64);

--changeset attesta:005-data-upgrades
-- Work on stored rows that a schema change leaves to the code (it needs keys the database must
-- not hold). A row here means "still to do"; the component that does it deletes the row, so
-- later starts do not scan the tables again.
CREATE TABLE data_upgrade (
    name VARCHAR(60) NOT NULL,
    CONSTRAINT data_upgrade_pk PRIMARY KEY (name)
);
INSERT INTO data_upgrade (name) VALUES ('seal-personal-data');

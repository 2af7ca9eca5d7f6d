--liquibase formatted sql

--changeset attesta:001-registry-sequences
-- Keys come from sequences (not IDENTITY) so inserts can be batched. EclipseLink takes the
-- value NEXT VALUE returns as the last key of a block of 50 (the increment), so start at 50.
CREATE SEQUENCE municipality_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE school_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE participant_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE venue_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE auditorium_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE exam_day_seq AS BIGINT START WITH 50 INCREMENT BY 50;

--changeset attesta:001-registry-tables
CREATE TABLE municipality (
    id BIGINT NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(300) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT municipality_pk PRIMARY KEY (id),
    CONSTRAINT municipality_code_uk UNIQUE (code)
);

CREATE TABLE school (
    id BIGINT NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(500) NOT NULL,
    short_name VARCHAR(200),
    municipality_id BIGINT NOT NULL,
    address VARCHAR(500),
    version BIGINT NOT NULL,
    CONSTRAINT school_pk PRIMARY KEY (id),
    CONSTRAINT school_code_uk UNIQUE (code),
    CONSTRAINT school_municipality_fk FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);
CREATE INDEX school_municipality_ix ON school (municipality_id);

-- search_key: upper-case "SURNAME NAME PATRONYMIC" with Ё folded to Е, for prefix search.
-- document_key and snils_key: normalised identities, unique, for duplicate detection.
CREATE TABLE participant (
    id BIGINT NOT NULL,
    surname VARCHAR(80) NOT NULL,
    name VARCHAR(80) NOT NULL,
    patronymic VARCHAR(80),
    search_key VARCHAR(250) NOT NULL,
    birth_date DATE NOT NULL,
    sex CHAR(1) NOT NULL,
    document_type SMALLINT NOT NULL,
    document_series VARCHAR(20),
    document_number VARCHAR(20) NOT NULL,
    document_key VARCHAR(60) NOT NULL,
    snils VARCHAR(14),
    snils_key VARCHAR(11),
    school_id BIGINT NOT NULL,
    class_name VARCHAR(10) NOT NULL,
    category VARCHAR(20) NOT NULL,
    special_needs BOOLEAN NOT NULL,
    extra_minutes INTEGER NOT NULL,
    consent_date DATE,
    version BIGINT NOT NULL,
    CONSTRAINT participant_pk PRIMARY KEY (id),
    CONSTRAINT participant_document_uk UNIQUE (document_key),
    CONSTRAINT participant_snils_uk UNIQUE (snils_key),
    CONSTRAINT participant_school_fk FOREIGN KEY (school_id) REFERENCES school (id)
);
-- Both indexes cover the paged listing (the page's ids come from the index alone), by school
-- and across schools (the school_id column answers a municipality filter without the rows).
CREATE INDEX participant_school_ix ON participant (school_id, search_key, id);
CREATE INDEX participant_search_ix ON participant (search_key, id, school_id);

-- Participants per school, kept in the same transactions that add or remove participants, so
-- list totals for the region, a municipality or a school need no count over a million rows.
CREATE TABLE participant_count (
    school_id BIGINT NOT NULL,
    participants BIGINT NOT NULL,
    CONSTRAINT participant_count_pk PRIMARY KEY (school_id),
    CONSTRAINT participant_count_school_fk FOREIGN KEY (school_id) REFERENCES school (id)
);

CREATE TABLE venue (
    id BIGINT NOT NULL,
    code VARCHAR(20) NOT NULL,
    name VARCHAR(500) NOT NULL,
    address VARCHAR(500),
    school_id BIGINT,
    version BIGINT NOT NULL,
    CONSTRAINT venue_pk PRIMARY KEY (id),
    CONSTRAINT venue_code_uk UNIQUE (code),
    CONSTRAINT venue_school_fk FOREIGN KEY (school_id) REFERENCES school (id)
);
CREATE INDEX venue_school_ix ON venue (school_id);

CREATE TABLE auditorium (
    id BIGINT NOT NULL,
    venue_id BIGINT NOT NULL,
    number VARCHAR(20) NOT NULL,
    capacity INTEGER NOT NULL,
    role VARCHAR(20) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT auditorium_pk PRIMARY KEY (id),
    CONSTRAINT auditorium_number_uk UNIQUE (venue_id, number),
    CONSTRAINT auditorium_venue_fk FOREIGN KEY (venue_id) REFERENCES venue (id)
);

CREATE TABLE exam_day (
    id BIGINT NOT NULL,
    exam_date DATE NOT NULL,
    kind VARCHAR(20) NOT NULL,
    school_year VARCHAR(7) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT exam_day_pk PRIMARY KEY (id),
    CONSTRAINT exam_day_date_uk UNIQUE (exam_date)
);

CREATE TABLE assignment (
    exam_day_id BIGINT NOT NULL,
    participant_id BIGINT NOT NULL,
    CONSTRAINT assignment_pk PRIMARY KEY (exam_day_id, participant_id),
    CONSTRAINT assignment_day_fk FOREIGN KEY (exam_day_id) REFERENCES exam_day (id),
    CONSTRAINT assignment_participant_fk FOREIGN KEY (participant_id) REFERENCES participant (id)
);
CREATE INDEX assignment_participant_ix ON assignment (participant_id);

CREATE TABLE seat (
    exam_day_id BIGINT NOT NULL,
    participant_id BIGINT NOT NULL,
    auditorium_id BIGINT NOT NULL,
    start_time TIME NOT NULL,
    end_time TIME NOT NULL,
    manual BOOLEAN NOT NULL,
    CONSTRAINT seat_pk PRIMARY KEY (exam_day_id, participant_id),
    CONSTRAINT seat_assignment_fk FOREIGN KEY (exam_day_id, participant_id) REFERENCES assignment (exam_day_id, participant_id),
    CONSTRAINT seat_auditorium_fk FOREIGN KEY (auditorium_id) REFERENCES auditorium (id)
);
CREATE INDEX seat_auditorium_ix ON seat (auditorium_id, exam_day_id);

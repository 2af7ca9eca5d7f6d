--liquibase formatted sql

--changeset attesta:006-account-grants-by-place-id
-- A grant names its school or municipality by id, which never changes, instead of by code, which
-- can: a school renamed to a new code, an old code given to a new school, a school moved to another
-- municipality. The security bundle asks the registry where the place is now at each request, so a
-- grant follows its school and never passes to another. scope_id is 0 for the region.
CREATE TABLE account_grant (
    account_id BIGINT NOT NULL,
    role VARCHAR(30) NOT NULL,
    scope_level VARCHAR(12) NOT NULL,
    scope_id BIGINT NOT NULL,
    CONSTRAINT account_grant_pk PRIMARY KEY (account_id, role, scope_level, scope_id),
    CONSTRAINT account_grant_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX account_grant_place_ix ON account_grant (scope_level, scope_id, account_id);

-- The grants made so far, bound to the place their code names today (a grant whose code names no
-- place any more held nothing and is dropped).
INSERT INTO account_grant (account_id, role, scope_level, scope_id)
    SELECT r.account_id, r.role, r.scope_level, 0 FROM account_role r WHERE r.scope_level = 'REGION';
INSERT INTO account_grant (account_id, role, scope_level, scope_id)
    SELECT r.account_id, r.role, r.scope_level, m.id FROM account_role r
    JOIN municipality m ON m.code = r.scope_code WHERE r.scope_level = 'MUNICIPALITY';
INSERT INTO account_grant (account_id, role, scope_level, scope_id)
    SELECT r.account_id, r.role, r.scope_level, s.id FROM account_role r
    JOIN school s ON s.code = r.scope_code WHERE r.scope_level = 'SCHOOL';
DROP TABLE account_role;

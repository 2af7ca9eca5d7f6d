--liquibase formatted sql

--changeset attesta:010-hide-import-errors-written-in-clear
-- Import errors written before this release could echo a СНИЛС or a document number in clear.
-- Their text cannot be masked reliably in SQL (the wording and the header names vary by format),
-- so the text of every error stored so far is replaced; its line and column stay, and importing
-- the file again gives the reasons, masked.
UPDATE import_job_error SET message = 'Причина скрыта при обновлении Attesta: в ней могли быть персональные данные. Загрузите файл снова, чтобы увидеть причину.';

--liquibase formatted sql

--changeset attesta:003-participant-search-key-collation dbms:postgresql
-- search_key is a machine key (upper case, Ё folded to Е): compare it byte by byte, as Derby
-- does. In the C collation the b-trees on it answer LIKE 'prefix%' and keep the listing order,
-- so a name search reads only its own rows; in a language collation it reads the whole index.
ALTER TABLE participant ALTER COLUMN search_key TYPE VARCHAR(250) COLLATE "C";

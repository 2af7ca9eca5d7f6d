package org.attesta.registry.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.attesta.api.registry.DocumentType;
import org.attesta.api.registry.IdentityDocument;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {

    @Test
    void documentKeyIsCodeSeriesAndNumber() {
        assertEquals("1|4508|123456", DuplicateKeys.documentKey(
                new IdentityDocument(DocumentType.PASSPORT_RF, "45 08", "123 456")));
    }

    @Test
    void documentKeyIgnoresCaseSpacesHyphensAndLookAlikes() {
        String key = DuplicateKeys.documentKey(new IdentityDocument(DocumentType.BIRTH_CERTIFICATE, "IV-МЮ", "654321"));

        assertEquals("3|IVМЮ|654321", key);
        assertEquals(key, DuplicateKeys.documentKey(
                new IdentityDocument(DocumentType.BIRTH_CERTIFICATE, "iv мю", " 654 321")));
        assertEquals(DuplicateKeys.documentKey(new IdentityDocument(DocumentType.OTHER, "AB", "x1")),
                DuplicateKeys.documentKey(new IdentityDocument(DocumentType.OTHER, "ав", "Х1")));
    }

    @Test
    void documentKeyTellsTypesAndSeriesNumberSplitsApart() {
        assertNotEquals(DuplicateKeys.documentKey(new IdentityDocument(DocumentType.PASSPORT_RF, "4508", "123456")),
                DuplicateKeys.documentKey(new IdentityDocument(DocumentType.OTHER, "4508", "123456")));
        assertNotEquals(DuplicateKeys.documentKey(new IdentityDocument(DocumentType.OTHER, "12", "3456")),
                DuplicateKeys.documentKey(new IdentityDocument(DocumentType.OTHER, "123", "456")));
    }

    @Test
    void documentKeyOfADocumentWithoutSeries() {
        // Look-alike Latin letters become Cyrillic: A and B here.
        assertEquals("9||АВ123", DuplicateKeys.documentKey(new IdentityDocument(DocumentType.FOREIGN_PASSPORT, null, "ab123")));
        assertEquals("9||АВ123", DuplicateKeys.documentKey(new IdentityDocument(DocumentType.FOREIGN_PASSPORT, "", "AB123")));
    }

    @Test
    void snilsKeyIsTheDigits() {
        assertEquals("11223344595", DuplicateKeys.snilsKey("112-233-445 95"));
        assertEquals("11223344595", DuplicateKeys.snilsKey("11223344595"));
        assertNull(DuplicateKeys.snilsKey(null));
    }
}

package org.attesta.registry.internal.imports;

import java.util.Locale;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.registry.internal.Text;

/**
 * Keys that are equal for the same document or СНИЛС however it was typed, to find duplicates
 * inside an import file and against the registry.
 */
public final class DuplicateKeys {
    /**
     * What a clash with a record outside the caller's territory says: no id, school or
     * municipality, so that a document or СНИЛС cannot be used to find where a person is enrolled.
     */
    public static final String REGISTERED_ELSEWHERE = "Этот человек уже зарегистрирован в регионе. "
            + "Чтобы исправить или перенести его запись, обратитесь в РЦОИ";

    private DuplicateKeys() {
    }

    /**
     * The document type's classifier code, series and number, upper case, without spaces and
     * hyphens, Latin look-alike letters as Cyrillic; for example {@code 1|4508|123456}. The
     * parts are separated so that series {@code 12} with number {@code 3456} and series
     * {@code 123} with number {@code 456} differ.
     */
    public static String documentKey(IdentityDocument document) {
        return document.type().code() + "|" + fold(document.series()) + "|" + fold(document.number());
    }

    /** The eleven digits of a СНИЛС however it is written, or null for null. */
    public static String snilsKey(String formattedSnils) {
        if (formattedSnils == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(11);
        for (int i = 0; i < formattedSnils.length(); i++) {
            char c = formattedSnils.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String upper = text.toUpperCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Text.isSpace(c) || c == '-' || c == '–') {
                continue;
            }
            folded.append(c == 'Ё' ? 'Е' : LookAlikes.toCyrillic(c));
        }
        return folded.toString();
    }
}

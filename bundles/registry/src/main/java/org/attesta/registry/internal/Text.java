package org.attesta.registry.internal;

import java.util.Locale;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.SafeText;

/** Normalising what people type: trimmed, single spaces, and the checks every field shares. */
public final class Text {
    private Text() {
    }

    /** Trimmed with inner runs of whitespace made one space; null for null or blank. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = collapseSpaces(value);
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Whitespace, including the no-break space Excel likes, as in a cell. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Runs of whitespace as one space, none at the ends. Without regular expressions: it runs
     * for every field of every imported row.
     */
    public static String collapseSpaces(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }

    /** The text with all whitespace removed. */
    public static String withoutSpaces(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    /**
     * The cleaned value; a clear error naming the field when it is missing, too long or holds a
     * control or invisible character ({@link SafeText}), checked before whitespace is collapsed
     * so that a tab or line feed is refused, not silently made a space.
     */
    public static String required(String field, String label, String value, int maxLength) {
        String cleaned = clean(SafeText.require(field, label, value));
        if (cleaned == null) {
            throw new InvalidInputException(field, "Поле «" + label + "» обязательно");
        }
        return limited(field, label, cleaned, maxLength);
    }

    /** The cleaned value or null; a clear error when it is too long or holds a forbidden character. */
    public static String optional(String field, String label, String value, int maxLength) {
        String cleaned = clean(SafeText.require(field, label, value));
        return cleaned == null ? null : limited(field, label, cleaned, maxLength);
    }

    /**
     * The form of a name used for prefix search: upper case, Ё as Е, single spaces. The
     * same function builds the stored key and the query, so they always agree.
     */
    public static String searchKey(String text) {
        String cleaned = clean(text);
        if (cleaned == null) {
            return "";
        }
        return cleaned.toUpperCase(Locale.ROOT).replace('Ё', 'Е');
    }

    /** The stored search key of a participant: "SURNAME NAME PATRONYMIC". */
    public static String participantSearchKey(String surname, String name, String patronymic) {
        return searchKey(surname + " " + name + (patronymic == null ? "" : " " + patronymic));
    }

    /** Escapes LIKE wildcards so a search for "50%" means those characters. */
    public static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String limited(String field, String label, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidInputException(field,
                    "Поле «" + label + "» длиннее " + maxLength + " символов (" + value.length() + ")");
        }
        return value;
    }
}

package org.attesta.api.common;

/**
 * Characters no text field of Attesta may hold, and how to print stored text safely.
 *
 * <p>Refused: every control character (C0 including tab and line feed, DEL, C1: they carry
 * terminal escapes into an administrator's shell and have no place in a name, a code or an
 * address), every invisible format character (category Cf: the bidirectional overrides and
 * isolates U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C that reorder a name on
 * screen; zero-width space, joiners and non-joiners, word joiner, soft hyphen and BOM, which make
 * two equal-looking names differ), line and paragraph separators, private-use characters and
 * unpaired surrogates. Zero-width joiners are refused too: Russian and Latin names never need
 * them, and a name with one looks the same as the name without it yet is searched and
 * de-duplicated as another.
 */
public final class SafeText {
    private SafeText() {
    }

    /** Whether a text field may hold this code point. */
    public static boolean allowed(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE, Character.SURROGATE -> false;
            default -> true;
        };
    }

    /** The index (in chars) of the first character a text field may not hold, or -1; -1 for null. */
    public static int firstForbidden(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!allowed(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /**
     * The problem with a field's value in Russian, naming the field and the character by its
     * code (never echoing the value, which would carry the character along), or null when the
     * value is fine.
     */
    public static String problem(String label, String text) {
        int at = firstForbidden(text);
        if (at < 0) {
            return null;
        }
        return "Поле «" + label + "» содержит недопустимый управляющий или невидимый символ "
                + codePointName(text.codePointAt(at)) + " (позиция " + (text.codePointCount(0, at) + 1)
                + "). Удалите его: наберите значение заново, не копируя";
    }

    /** The value checked by {@link #problem}: a 400 naming the field when it holds a forbidden character. */
    public static String require(String field, String label, String text) {
        String problem = problem(label, text);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        return text;
    }

    /**
     * The text with every forbidden character shown as its code ({@code <U+001B>}), for output to
     * a terminal or log: stored data can then neither move the cursor nor reorder a line.
     */
    public static String neutralise(String text) {
        if (text == null || firstForbidden(text) < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (allowed(codePoint)) {
                safe.appendCodePoint(codePoint);
            } else {
                safe.append('<').append(codePointName(codePoint)).append('>');
            }
            i += Character.charCount(codePoint);
        }
        return safe.toString();
    }

    private static String codePointName(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}

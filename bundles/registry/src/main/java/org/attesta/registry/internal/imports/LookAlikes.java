package org.attesta.registry.internal.imports;

/**
 * Latin and Cyrillic letters that look the same. People type {@code 9A} with a Latin A for the
 * class {@code 9А}, or a Cyrillic С in a Roman numeral; the two spellings must not become two
 * different classes or two different documents.
 */
final class LookAlikes {
    private static final String LATIN = "ABCEHKMOPTXY";
    private static final String CYRILLIC = "АВСЕНКМОРТХУ";

    private LookAlikes() {
    }

    /** The Cyrillic twin of an upper-case Latin letter, or the letter itself. */
    static char toCyrillic(char c) {
        int i = LATIN.indexOf(c);
        return i < 0 ? c : CYRILLIC.charAt(i);
    }

    /** The Latin twin of an upper-case Cyrillic letter that can be a Roman digit, or the letter itself. */
    static char toLatinRoman(char c) {
        switch (c) {
            case 'С':
                return 'C';
            case 'Х':
                return 'X';
            case 'І':
                return 'I';
            default:
                return c;
        }
    }

    /** Whether the upper-case Latin letter has a Cyrillic twin. */
    static boolean hasCyrillicTwin(char c) {
        return LATIN.indexOf(c) >= 0;
    }
}

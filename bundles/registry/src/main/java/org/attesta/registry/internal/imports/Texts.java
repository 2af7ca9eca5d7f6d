package org.attesta.registry.internal.imports;

/** Whitespace handling for cell values, without regular expressions: it runs for every row. */
final class Texts {

    private Texts() {
    }

    /** Whitespace, including the no-break space Excel likes, as in a cell. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Runs of whitespace as one space, none at the ends. */
    static String collapseSpaces(String text) {
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
    static String withoutSpaces(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }
}

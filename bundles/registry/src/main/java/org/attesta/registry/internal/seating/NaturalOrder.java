package org.attesta.registry.internal.seating;

import java.util.Comparator;

/**
 * Orders strings the way people read room numbers and class names: runs of ASCII digits compare
 * as numbers ("2" &lt; "10" &lt; "101" &lt; "101а"), other characters compare case-insensitively,
 * with "ё" right after "е" (Unicode puts it far away from the rest of the alphabet). Strings that
 * are equal by these rules fall back to plain {@link String#compareTo} so that different strings
 * never compare equal and sorting stays deterministic.
 */
public final class NaturalOrder implements Comparator<String> {

    /** The comparator holds no state, so one shared instance is safe. */
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                int endA = digitRunEnd(a, i);
                int endB = digitRunEnd(b, j);
                int byNumber = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                int byLetter = Integer.compare(letterRank(a.charAt(i)), letterRank(b.charAt(j)));
                if (byLetter != 0) {
                    return byLetter;
                }
                i++;
                j++;
            }
        }
        // The string that ran out first is a prefix of the other and goes first.
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitRunEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares digit runs of any length without overflow: fewer significant digits is smaller. */
    private static int compareNumbers(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        int byLength = Integer.compare(x.length(), y.length());
        return byLength != 0 ? byLength : x.compareTo(y);
    }

    private static String stripLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }

    /** Doubled code point so that "ё" can sit between "е" and "ж". */
    private static int letterRank(char c) {
        char lower = Character.toLowerCase(c);
        return lower == 'ё' ? 'е' * 2 + 1 : lower * 2;
    }
}

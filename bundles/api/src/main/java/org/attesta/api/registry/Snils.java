package org.attesta.api.registry;

/**
 * A СНИЛС (insurance number of an individual personal account), an 11-digit number whose last
 * two digits are a checksum of the first nine.
 *
 * @param digits the eleven digits without separators
 */
public record Snils(String digits) {
    /** Numbers up to this one were issued before checksums were introduced. */
    private static final long LAST_UNCHECKED = 1_001_998L;

    public Snils {
        String problem = problem(digits);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The СНИЛС of a nine-digit number with its checksum appended, as the Pension Fund issues it. */
    public static Snils withChecksum(String nineDigits) {
        if (nineDigits == null || !nineDigits.matches("\\d{9}")) {
            throw new IllegalArgumentException("A СНИЛС number has nine digits: " + nineDigits);
        }
        return new Snils(nineDigits + String.format("%02d", checksum(nineDigits)));
    }

    /** Reads a СНИЛС written with or without the usual separators ({@code 112-233-445 95}). */
    public static Snils parse(String text) {
        return new Snils(stripSeparators(text));
    }

    /** Why the text is not a valid СНИЛС, in Russian, or null when it is valid. */
    public static String problemWith(String text) {
        return problem(stripSeparators(text));
    }

    /** The checksum of the first nine digits, as the Pension Fund defines it. */
    static int checksum(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }

    /** The usual written form, {@code 112-233-445 95}. */
    public String formatted() {
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + digits.substring(9);
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static String stripSeparators(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(11);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != ' ' && c != '\u00a0') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String problem(String digits) {
        if (digits == null || digits.length() != 11 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "СНИЛС должен состоять из 11 цифр (например 112-233-445 95)";
        }
        String number = digits.substring(0, 9);
        if (Long.parseLong(number) <= LAST_UNCHECKED) {
            return null;
        }
        int expected = checksum(number);
        int actual = Integer.parseInt(digits.substring(9));
        if (expected != actual) {
            // Masked as lists show a СНИЛС: the message is stored with an import and shown to staff.
            return "СНИЛС •••-•••-••• " + digits.substring(9) + ": неверная контрольная сумма. Проверьте все цифры";
        }
        return null;
    }
}

package org.attesta.registry.internal.imports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.attesta.api.registry.DocumentType;
import org.attesta.registry.internal.Masking;
import org.attesta.registry.internal.Text;

/**
 * How identity documents are written in import files: the type by code or name, and the
 * series and number rules of each type. Each check returns the normalised text or, through
 * {@link Result}, a Russian message saying what is wrong.
 */
final class DocumentRules {
    static final int MAX_OTHER_SERIES = 20;
    static final int MAX_OTHER_NUMBER = 12;

    /** A Roman number up to 399, as birth-certificate series use (the region part). */
    private static final Pattern ROMAN = Pattern.compile("C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

    private static final String EXCEL_ZERO_HINT = ". Если значение начинается с нуля, Excel мог удалить "
            + "его — задайте столбцу текстовый формат и сохраните файл заново";

    private static final Map<String, DocumentType> TYPES_BY_NAME = typesByName();

    private DocumentRules() {
    }

    /** A normalised value, or the reason there is none. */
    record Result(String value, String problem) {
        static Result ok(String value) {
            return new Result(value, null);
        }

        static Result problem(String problem) {
            return new Result(null, problem);
        }
    }

    /** The type written as a classifier code, an enum name or a Russian name; null if unknown. */
    static DocumentType type(String text) {
        String key = normaliseName(text);
        if (!key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9') && key.length() <= 3) {
            int code = Integer.parseInt(key);
            return Arrays.stream(DocumentType.values()).filter(t -> t.code() == code).findFirst().orElse(null);
        }
        return TYPES_BY_NAME.get(key);
    }

    static String unknownTypeMessage(String text) {
        String choices = Arrays.stream(DocumentType.values())
                .map(t -> t.code() + " — " + t.title())
                .collect(Collectors.joining(", "));
        return "Тип документа «" + text + "» не распознан; укажите код или название: " + choices;
    }

    /** The series of a document of the type; {@code text} is null when the cell is blank. */
    static Result series(DocumentType type, String text) {
        switch (type) {
            case PASSPORT_RF:
                return passportSeries(text);
            case BIRTH_CERTIFICATE:
                return text == null ? Result.ok("") : birthCertificateSeries(text);
            default:
                return text == null ? Result.ok("") : otherSeries(text);
        }
    }

    /** The number of a document of the type; {@code text} is not null. */
    static Result number(DocumentType type, String text) {
        String compact = Text.withoutSpaces(text).toUpperCase(Locale.ROOT);
        switch (type) {
            case PASSPORT_RF:
                return digits(compact, 6, "Номер паспорта «" + number(text) + "» должен состоять из 6 цифр");
            case BIRTH_CERTIFICATE:
                return digits(compact, 6, "Номер свидетельства о рождении «" + number(text) + "» должен состоять из 6 цифр");
            default:
                return otherNumber(text, compact);
        }
    }

    private static Result passportSeries(String text) {
        if (text == null) {
            return Result.problem("Для паспорта гражданина РФ нужна серия: 4 цифры (например 45 08)");
        }
        return digits(Text.withoutSpaces(text), 4, "Серия паспорта «" + Masking.series(text) + "» должна состоять из 4 цифр (например 45 08)");
    }

    /** Exactly {@code count} digits; a shorter run of digits may have lost a leading zero in Excel. */
    private static Result digits(String compact, int count, String problem) {
        if (compact.length() == count && allDigits(compact)) {
            return Result.ok(compact);
        }
        boolean lostZero = compact.length() < count && !compact.isEmpty() && allDigits(compact);
        return Result.problem(lostZero ? problem + EXCEL_ZERO_HINT : problem);
    }

    /** A Roman number, a hyphen and two Russian letters, e.g. {@code IV-МЮ}; look-alike letters are accepted. */
    private static Result birthCertificateSeries(String text) {
        String compact = Text.withoutSpaces(text).toUpperCase(Locale.ROOT).replace('–', '-');
        int hyphen = compact.lastIndexOf('-');
        String roman = hyphen >= 0 ? compact.substring(0, hyphen) : cut(compact, 0, compact.length() - 2);
        String letters = hyphen >= 0 ? compact.substring(hyphen + 1) : cut(compact, compact.length() - 2, compact.length());
        String latinRoman = map(roman, true);
        String cyrillicLetters = map(letters, false);
        if (latinRoman.isEmpty() || !ROMAN.matcher(latinRoman).matches() || !twoRussianLetters(cyrillicLetters)) {
            return Result.problem("Серия свидетельства о рождении «" + Masking.series(text) + "» не по образцу: римское число, "
                    + "дефис и две русские буквы (например IV-МЮ)");
        }
        return Result.ok(latinRoman + "-" + cyrillicLetters);
    }

    private static Result otherSeries(String text) {
        String series = Text.collapseSpaces(text.toUpperCase(Locale.ROOT));
        boolean allowed = series.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-');
        if (!allowed || series.length() > MAX_OTHER_SERIES) {
            return Result.problem("Серия документа «" + Masking.series(text) + "»: допустимы буквы, цифры, пробел и дефис, не более "
                    + MAX_OTHER_SERIES + " символов");
        }
        return Result.ok(series);
    }

    private static Result otherNumber(String text, String compact) {
        boolean alphanumeric = compact.chars().allMatch(Character::isLetterOrDigit);
        if (!alphanumeric || compact.isEmpty() || compact.length() > MAX_OTHER_NUMBER) {
            return Result.problem("Номер документа «" + number(text) + "» должен содержать от 1 до " + MAX_OTHER_NUMBER
                    + " букв и цифр");
        }
        return Result.ok(compact);
    }

    /**
     * A number as lists show it, by its last two characters: import errors are stored and shown
     * to staff, and a document number in clear there would be one more copy of it.
     */
    private static String number(String text) {
        return Masking.tail(text, 2);
    }

    private static String map(String text, boolean toRoman) {
        StringBuilder mapped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            mapped.append(toRoman ? LookAlikes.toLatinRoman(c) : LookAlikes.toCyrillic(c));
        }
        return mapped.toString();
    }

    private static boolean twoRussianLetters(String letters) {
        return letters.length() == 2 && letters.chars().allMatch(c -> (c >= 'А' && c <= 'Я') || c == 'Ё');
    }

    private static String cut(String text, int from, int to) {
        return from < 0 || to < from ? "" : text.substring(from, to);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Lower case, {@code ё} as {@code е}, single spaces, without a final full stop. */
    private static String normaliseName(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        String spaced = Text.collapseSpaces(lower);
        return spaced.endsWith(".") ? spaced.substring(0, spaced.length() - 1).strip() : spaced;
    }

    private static Map<String, DocumentType> typesByName() {
        Map<String, DocumentType> map = new HashMap<>();
        for (DocumentType type : DocumentType.values()) {
            map.put(normaliseName(type.name()), type);
            map.put(normaliseName(type.title()), type);
        }
        aliases(map, DocumentType.PASSPORT_RF, "паспорт", "паспорт рф", "паспорт гражданина российской федерации",
                "паспорт гражданина россии");
        aliases(map, DocumentType.BIRTH_CERTIFICATE, "свидетельство о рождении", "св-во о рождении",
                "свид-во о рождении", "свид. о рождении", "свидетельство");
        aliases(map, DocumentType.FOREIGN_PASSPORT, "иностранный паспорт", "паспорт иностранца");
        aliases(map, DocumentType.RESIDENCE_PERMIT, "внж");
        aliases(map, DocumentType.OTHER, "иной", "другой", "другой документ");
        return Map.copyOf(map);
    }

    private static void aliases(Map<String, DocumentType> map, DocumentType type, String... names) {
        for (String name : names) {
            map.put(normaliseName(name), type);
        }
    }
}

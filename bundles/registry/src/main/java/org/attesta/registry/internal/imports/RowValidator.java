package org.attesta.registry.internal.imports;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attesta.api.common.Problem;
import org.attesta.api.common.SafeText;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.registry.DocumentType;
import org.attesta.api.registry.IdentityDocument;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.Sex;
import org.attesta.api.registry.Snils;
import org.attesta.registry.internal.Text;

/**
 * Turns a row of an import file into a participant draft, or into every problem the row has.
 * Each problem names the row's line and the Russian title of the column, and says how to fix
 * the value. Checks that need the registry (the school exists, the document or СНИЛС is not
 * taken) are the importer's.
 *
 * <p>Values are normalised: whitespace in names collapsed, the document series and number
 * without spaces ({@code 4508}, {@code IV-МЮ}), the СНИЛС as {@code 112-233-445 95}, the class
 * as {@code 9А}. A patronymic written as a lone dash means "none".
 */
public final class RowValidator {
    static final int MIN_AGE = 10;
    static final int MAX_AGE = 60;
    static final int MAX_NAME_LENGTH = 80;
    static final int MAX_SCHOOL_CODE_LENGTH = 20;
    static final int MAX_CLASS_LENGTH = 10;

    private static final Pattern RUSSIAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private static final Map<String, Sex> SEXES = Map.ofEntries(
            Map.entry("м", Sex.MALE), Map.entry("муж", Sex.MALE), Map.entry("мужской", Sex.MALE),
            Map.entry("m", Sex.MALE), Map.entry("male", Sex.MALE), Map.entry("1", Sex.MALE),
            Map.entry("ж", Sex.FEMALE), Map.entry("жен", Sex.FEMALE), Map.entry("женский", Sex.FEMALE),
            Map.entry("f", Sex.FEMALE), Map.entry("female", Sex.FEMALE), Map.entry("2", Sex.FEMALE));

    private static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("нет", false), Map.entry("no", false), Map.entry("0", false), Map.entry("false", false),
            Map.entry("-", false), Map.entry("да", true), Map.entry("yes", true), Map.entry("1", true),
            Map.entry("true", true), Map.entry("+", true), Map.entry("овз", true));

    private final Clock clock;

    /** @param clock gives the date ages are counted at */
    public RowValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * The outcome of checking a row: a draft when the row is good, otherwise its problems.
     *
     * @param draft null when there are problems
     * @param problems empty when the row is good
     */
    public record Validated(ParticipantDraft draft, List<Problem> problems) {
        public Validated {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Checks a row. */
    public Validated validate(ParticipantRow row) {
        return validate(row, List.of());
    }

    /**
     * Checks a row the reader already found fault with (see {@link RowProblemSource#of}); those
     * problems come first, and the row gets no draft when there are any.
     */
    public Validated validate(ParticipantRow row, List<Problem> readProblems) {
        Check check = new Check(row, readProblems);
        String surname = personName(check, ParticipantField.SURNAME);
        String name = personName(check, ParticipantField.NAME);
        String patronymic = personName(check, ParticipantField.PATRONYMIC);
        LocalDate birthDate = birthDate(check);
        Sex sex = sex(check);
        IdentityDocument document = document(check);
        String snils = snils(check);
        String schoolCode = schoolCode(check);
        String className = className(check);
        Boolean specialNeeds = specialNeeds(check);
        if (!check.problems.isEmpty()) {
            return new Validated(null, check.problems);
        }
        ParticipantDraft draft = new ParticipantDraft(surname, name, patronymic, birthDate, sex, document, snils,
                schoolCode, className, ParticipantCategory.STUDENT, specialNeeds,
                specialNeeds ? null : Integer.valueOf(0), null);
        return new Validated(draft, List.of());
    }

    // --- names ---

    private static String personName(Check check, ParticipantField field) {
        String value = field.required() ? check.required(field) : check.value(field);
        if (value == null || (field == ParticipantField.PATRONYMIC && isLoneDash(value))) {
            return null;
        }
        String name = Text.collapseSpaces(value);
        String invalid = invalidNameCharacters(name);
        if (!invalid.isEmpty()) {
            return check.fail(field, field.title() + " «" + value + "» содержит недопустимые символы: " + invalid
                    + ". Допустимы русские и латинские буквы, дефис, апостроф и пробел");
        }
        if (name.codePoints().noneMatch(Character::isLetter)) {
            return check.fail(field, field.title() + " «" + value + "»: нет ни одной буквы");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return check.fail(field, field.title() + " длиннее " + MAX_NAME_LENGTH + " символов (" + name.length()
                    + "). Сократите значение");
        }
        return name;
    }

    private static boolean isLoneDash(String value) {
        return value.equals("-") || value.equals("—") || value.equals("–");
    }

    /** The distinct characters a name may not have, quoted, or an empty string. */
    private static String invalidNameCharacters(String name) {
        StringBuilder invalid = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isNameCharacter(c) && invalid.indexOf("«" + c + "»") < 0) {
                invalid.append(invalid.length() == 0 ? "" : ", ").append('«').append(c).append('»');
            }
        }
        return invalid.toString();
    }

    private static boolean isNameCharacter(char c) {
        if (c == '-' || c == '\'' || c == '’' || c == 'ʼ' || c == ' ') {
            return true;
        }
        if (!Character.isLetter(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.LATIN;
    }

    // --- birth date ---

    private LocalDate birthDate(Check check) {
        ParticipantField field = ParticipantField.BIRTH_DATE;
        String value = check.required(field);
        if (value == null) {
            return null;
        }
        int[] parts = dateParts(value);
        if (parts == null) {
            return check.fail(field, "Дата рождения «" + value + "» не распознана; ожидается ДД.ММ.ГГГГ "
                    + "(например 05.03.2010)");
        }
        LocalDate date;
        try {
            date = LocalDate.of(parts[0], parts[1], parts[2]);
        } catch (DateTimeException e) {
            return check.fail(field, "Дата рождения «" + value + "» не существует; ожидается ДД.ММ.ГГГГ");
        }
        String ageProblem = ageProblem(value, date);
        return ageProblem == null ? date : check.fail(field, ageProblem);
    }

    /** Year, month and day of {@code d.M.yyyy} or {@code yyyy-MM-dd}, or null. */
    private static int[] dateParts(String value) {
        Matcher russian = RUSSIAN_DATE.matcher(value);
        if (russian.matches()) {
            return new int[] {Integer.parseInt(russian.group(3)), Integer.parseInt(russian.group(2)),
                Integer.parseInt(russian.group(1))};
        }
        Matcher iso = ISO_DATE.matcher(value);
        if (iso.matches()) {
            return new int[] {Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3))};
        }
        return null;
    }

    private String ageProblem(String value, LocalDate birthDate) {
        LocalDate today = LocalDate.now(clock);
        if (birthDate.isAfter(today)) {
            return "Дата рождения «" + value + "» в будущем";
        }
        int age = Period.between(birthDate, today).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            return "Дата рождения «" + value + "»: участнику " + age + " " + yearsWord(age)
                    + ", а допустимый возраст — от " + MIN_AGE + " до " + MAX_AGE + " лет. Проверьте год";
        }
        return null;
    }

    /** "год", "года" or "лет" for a number of years. */
    static String yearsWord(int years) {
        int lastTwo = years % 100;
        int last = years % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return "лет";
        }
        if (last == 1) {
            return "год";
        }
        return last >= 2 && last <= 4 ? "года" : "лет";
    }

    // --- sex ---

    private static Sex sex(Check check) {
        String value = check.required(ParticipantField.SEX);
        if (value == null) {
            return null;
        }
        String key = value.toLowerCase(Locale.ROOT);
        Sex sex = SEXES.get(key.endsWith(".") ? key.substring(0, key.length() - 1) : key);
        return sex != null ? sex : check.fail(ParticipantField.SEX, "Пол «" + value + "» не распознан; укажите М или Ж");
    }

    // --- document ---

    private static IdentityDocument document(Check check) {
        String typeText = check.required(ParticipantField.DOCUMENT_TYPE);
        String seriesText = check.value(ParticipantField.DOCUMENT_SERIES);
        String numberText = check.required(ParticipantField.DOCUMENT_NUMBER);
        if (typeText == null) {
            return null;
        }
        DocumentType type = DocumentRules.type(typeText);
        if (type == null) {
            // Series and number rules depend on the type: without it they cannot be checked.
            return check.fail(ParticipantField.DOCUMENT_TYPE, DocumentRules.unknownTypeMessage(typeText));
        }
        String series = check.accept(ParticipantField.DOCUMENT_SERIES, DocumentRules.series(type, seriesText));
        String number = numberText == null ? null
                : check.accept(ParticipantField.DOCUMENT_NUMBER, DocumentRules.number(type, numberText));
        return series == null || number == null ? null : new IdentityDocument(type, series, number);
    }

    // --- СНИЛС, school, class, special needs ---

    private static String snils(Check check) {
        String value = check.value(ParticipantField.SNILS);
        if (value == null) {
            return null;
        }
        String problem = Snils.problemWith(value);
        return problem == null ? Snils.parse(value).formatted() : check.fail(ParticipantField.SNILS, problem);
    }

    private static String schoolCode(Check check) {
        String value = check.required(ParticipantField.SCHOOL_CODE);
        if (value != null && value.length() > MAX_SCHOOL_CODE_LENGTH) {
            return check.fail(ParticipantField.SCHOOL_CODE, "Код ОО «" + value + "» длиннее "
                    + MAX_SCHOOL_CODE_LENGTH + " символов");
        }
        return value;
    }

    private static String className(Check check) {
        String value = check.required(ParticipantField.CLASS);
        if (value == null) {
            return null;
        }
        String className = normaliseClass(value);
        boolean allowed = className.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
        if (!allowed || className.length() > MAX_CLASS_LENGTH) {
            return check.fail(ParticipantField.CLASS, "Класс «" + value + "»: ожидаются цифры и буква, например 9А "
                    + "(не более " + MAX_CLASS_LENGTH + " символов, без знаков кроме дефиса)");
        }
        return className;
    }

    /** Without spaces, upper case, and Latin look-alikes as Cyrillic unless the class is really Latin. */
    static String normaliseClass(String value) {
        String compact = Text.withoutSpaces(value).toUpperCase(Locale.ROOT);
        boolean latinOnlyLetter = compact.chars()
                .anyMatch(c -> c >= 'A' && c <= 'Z' && !LookAlikes.hasCyrillicTwin((char) c));
        if (latinOnlyLetter) {
            return compact;
        }
        StringBuilder cyrillic = new StringBuilder(compact.length());
        for (int i = 0; i < compact.length(); i++) {
            cyrillic.append(LookAlikes.toCyrillic(compact.charAt(i)));
        }
        return cyrillic.toString();
    }

    private static Boolean specialNeeds(Check check) {
        String value = check.value(ParticipantField.SPECIAL_NEEDS);
        if (value == null) {
            return false;
        }
        Boolean yes = YES_NO.get(value.toLowerCase(Locale.ROOT));
        return yes != null ? yes
                : check.fail(ParticipantField.SPECIAL_NEEDS, "Значение ОВЗ «" + value + "» не распознано; укажите «да» или «нет»");
    }

    /** The problems found in one row so far. */
    private static final class Check {
        private final ParticipantRow row;
        private final List<Problem> problems;

        Check(ParticipantRow row, List<Problem> readProblems) {
            this.row = row;
            this.problems = new ArrayList<>(readProblems);
        }

        /**
         * The trimmed value, or null when blank or absent, or null after reporting a control or
         * invisible character (the value is then not echoed: it would carry the character along).
         */
        String value(ParticipantField field) {
            // The raw text: a tab or line feed at either end is refused too, not trimmed away.
            String problem = SafeText.problem(field.title(), row.values().get(field));
            return problem == null ? row.get(field) : fail(field, problem);
        }

        /** The trimmed value, or null after reporting that it is missing or unsafe. */
        String required(ParticipantField field) {
            String value = row.get(field);
            if (value == null) {
                return fail(field, "Не заполнено обязательное поле «" + field.title() + "»");
            }
            return value(field);
        }

        String accept(ParticipantField field, DocumentRules.Result result) {
            return result.problem() == null ? result.value() : fail(field, result.problem());
        }

        /** Records a problem of the field; returns null so callers can return it directly. */
        <T> T fail(ParticipantField field, String message) {
            problems.add(new Problem(row.line(), field.title(), message));
            return null;
        }
    }
}

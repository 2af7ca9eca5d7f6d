package org.attesta.registry.internal.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;

/**
 * Which {@link ParticipantField} each column of a file holds, read from the header row.
 * Headers are matched in any order, Russian or English, ignoring case, surrounding spaces,
 * {@code ё}/{@code е} and underscores/spaces. Columns with an empty header are ignored (Excel
 * often writes a trailing separator); a value in one is reported by the row reader.
 */
final class HeaderLayout {
    private static final Map<String, ParticipantField> FIELDS_BY_HEADER = fieldsByHeader();

    private final List<String> headers;
    private final ParticipantField[] fieldAt;
    private final Set<ParticipantField> fields;
    private final int namedWidth;

    private HeaderLayout(List<String> headers, ParticipantField[] fieldAt) {
        this.headers = List.copyOf(headers);
        this.fieldAt = fieldAt;
        EnumSet<ParticipantField> present = EnumSet.noneOf(ParticipantField.class);
        int lastNamed = -1;
        for (int i = 0; i < fieldAt.length; i++) {
            if (fieldAt[i] != null) {
                present.add(fieldAt[i]);
                lastNamed = i;
            }
        }
        this.fields = Set.copyOf(present);
        this.namedWidth = lastNamed + 1;
    }

    /**
     * Maps the header cells of a file.
     *
     * @throws InvalidInputException {@code empty-file}, {@code unknown-column},
     *     {@code duplicate-column} or {@code missing-column}, with every problem of the header
     */
    static HeaderLayout of(List<String> cells) {
        List<String> headers = cells.stream().map(String::strip).toList();
        if (headers.stream().allMatch(String::isEmpty)) {
            throw emptyFile();
        }
        ParticipantField[] fieldAt = new ParticipantField[headers.size()];
        List<Problem> unknown = new ArrayList<>();
        List<Problem> duplicates = new ArrayList<>();
        Map<ParticipantField, String> seen = new EnumMap<>(ParticipantField.class);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isEmpty()) {
                continue;
            }
            ParticipantField field = fieldFor(header);
            if (field == null) {
                unknown.add(new Problem(1, header, unknownColumnMessage(header)));
            } else if (seen.containsKey(field)) {
                duplicates.add(new Problem(1, header, duplicateMessage(seen.get(field), header, field)));
            } else {
                seen.put(field, header);
                fieldAt[i] = field;
            }
        }
        List<Problem> missing = missingColumns(seen.keySet());
        rejectIfAny(unknown, duplicates, missing);
        return new HeaderLayout(headers, fieldAt);
    }

    /** How many cells of a header row name a known field; picks the separator. */
    static int recognisedColumns(List<String> cells) {
        Set<ParticipantField> found = EnumSet.noneOf(ParticipantField.class);
        for (String cell : cells) {
            ParticipantField field = fieldFor(cell);
            if (field != null) {
                found.add(field);
            }
        }
        return found.size();
    }

    static ParticipantField fieldFor(String header) {
        return FIELDS_BY_HEADER.get(normalise(header));
    }

    static InvalidInputException emptyFile() {
        String message = "Файл пуст: в первой строке должны быть заголовки столбцов (" + acceptedHeaders() + ")";
        return new InvalidInputException("empty-file", message, List.of(new Problem(1, "", message)), false);
    }

    /** The number of columns in the header. */
    int width() {
        return fieldAt.length;
    }

    /** The number of columns up to the last one with a known header: a row must have at least these. */
    int namedWidth() {
        return namedWidth;
    }

    /** The field of a column, or null for a column with an empty header. */
    ParticipantField fieldAt(int column) {
        return fieldAt[column];
    }

    /** The header of a column as the file writes it (stripped). */
    String headerAt(int column) {
        return headers.get(column);
    }

    Set<ParticipantField> fields() {
        return fields;
    }

    /** Lower case, {@code ё} as {@code е}, underscores as spaces, runs of spaces as one. */
    static String normalise(String header) {
        String lower = header.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replace('_', ' ');
        return String.join(" ", lower.split("[\\s\\u00a0]+")).strip();
    }

    private static Map<String, ParticipantField> fieldsByHeader() {
        Map<String, ParticipantField> map = new HashMap<>();
        for (ParticipantField field : ParticipantField.values()) {
            for (String header : field.headers()) {
                map.put(normalise(header), field);
            }
        }
        return Map.copyOf(map);
    }

    private static List<Problem> missingColumns(Set<ParticipantField> present) {
        List<Problem> missing = new ArrayList<>();
        List<ParticipantField> absent = Arrays.stream(ParticipantField.values())
                .filter(field -> field.required() && !present.contains(field))
                .toList();
        if (absent.isEmpty()) {
            return missing;
        }
        String names = absent.stream().map(f -> "«" + f.title() + "»").collect(Collectors.joining(", "));
        String message = (absent.size() == 1 ? "В файле нет обязательного столбца " : "В файле нет обязательных столбцов ")
                + names + ". Добавьте " + (absent.size() == 1 ? "его" : "их") + " в первую строку";
        for (ParticipantField field : absent) {
            missing.add(new Problem(1, field.title(), message));
        }
        return missing;
    }

    /** Throws one exception with every header problem; the type names the first kind found. */
    private static void rejectIfAny(List<Problem> unknown, List<Problem> duplicates, List<Problem> missing) {
        String type = !unknown.isEmpty() ? "unknown-column"
                : !duplicates.isEmpty() ? "duplicate-column"
                : !missing.isEmpty() ? "missing-column" : null;
        if (type == null) {
            return;
        }
        List<Problem> all = new ArrayList<>(unknown);
        all.addAll(duplicates);
        all.addAll(missing);
        Set<String> sentences = new LinkedHashSet<>();
        if (!unknown.isEmpty()) {
            sentences.add(unknownSummary(unknown));
        }
        duplicates.forEach(problem -> sentences.add(problem.message()));
        // Missing columns share one message; say it once.
        missing.forEach(problem -> sentences.add(problem.message()));
        throw new InvalidInputException(type, String.join(". ", sentences), all, false);
    }

    private static String unknownSummary(List<Problem> unknown) {
        if (unknown.size() == 1) {
            return unknown.get(0).message();
        }
        String names = unknown.stream().map(p -> "«" + p.column() + "»").collect(Collectors.joining(", "));
        return "Неизвестные столбцы " + names + ". Допустимые заголовки: " + acceptedHeaders();
    }

    private static String unknownColumnMessage(String header) {
        return "Неизвестный столбец «" + header + "». Допустимые заголовки: " + acceptedHeaders();
    }

    private static String duplicateMessage(String first, String second, ParticipantField field) {
        String both = first.equals(second) ? "«" + first + "»" : "«" + first + "» и «" + second + "»";
        return "Столбец «" + field.title() + "» указан в заголовке дважды: " + both + ". Оставьте один";
    }

    private static String acceptedHeaders() {
        return Arrays.stream(ParticipantField.values())
                .map(field -> field.title() + " (" + field.headers().get(1) + ")")
                .collect(Collectors.joining(", "));
    }
}

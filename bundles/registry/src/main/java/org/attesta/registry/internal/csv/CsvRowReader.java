package org.attesta.registry.internal.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.attesta.registry.internal.imports.RowProblemSource;

/**
 * The data rows of a CSV file after its header.
 *
 * <p>Each row carries the physical line its record starts on (the header is line 1), so a
 * quoted field spanning lines does not shift the lines reported for later rows. Rows whose
 * values are all blank are skipped.
 *
 * <p>A record with a different number of values than the header is not a reason to give up on
 * the file: it is returned with the values it has, and its problem is available from
 * {@link #problemsOfLastRow()} until the next call of {@link #next()}. Fewer values than
 * header columns is always a problem (the columns have most likely shifted); more values is a
 * problem only when a surplus value, or a value under a column without a header, is not blank,
 * since Excel writes trailing separators.
 *
 * <p>Bytes that are not text in the file's encoding (a file saved partly in another encoding)
 * are decoded as U+FFFD; such a row is returned with a problem naming its columns.
 *
 * <p>Malformed quoting that leaves the rest of the file unreadable ends the import with an
 * {@link InvalidInputException} of type {@code malformed-csv} naming the line.
 */
public final class CsvRowReader implements ParticipantRowReader, RowProblemSource {
    /** What the decoder puts in place of bytes it cannot decode. */
    private static final char UNDECODABLE = '\uFFFD';

    /** Longest value quoted in full in a message. */
    private static final int MAX_QUOTED = 40;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final HeaderLayout layout;
    private final Charset charset;
    private final CountingInputStream counter;
    private final RecordSizeGuard guard;
    private List<Problem> lastRowProblems = List.of();

    CsvRowReader(CSVParser parser, HeaderLayout layout, Charset charset, CountingInputStream counter,
            RecordSizeGuard guard) {
        this.parser = parser;
        this.records = parser.iterator();
        this.layout = layout;
        this.charset = charset;
        this.counter = counter;
        this.guard = guard;
    }

    @Override
    public ParticipantRow next() {
        lastRowProblems = List.of();
        while (true) {
            // Empty lines are parsed as records (not skipped by the parser), so the line after
            // the previous record is where this one starts.
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record = read(line);
            if (record == null) {
                return null;
            }
            if (!isBlank(record)) {
                return toRow(line, record);
            }
        }
    }

    @Override
    public List<Problem> problemsOfLastRow() {
        return lastRowProblems;
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public Set<ParticipantField> fields() {
        return layout.fields();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private CSVRecord read(long line) {
        guard.startRecord();
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw CsvFailures.translate(e.getCause(), line);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private ParticipantRow toRow(long line, CSVRecord record) {
        Map<ParticipantField, String> values = new EnumMap<>(ParticipantField.class);
        int shared = Math.min(record.size(), layout.width());
        for (int i = 0; i < shared; i++) {
            ParticipantField field = layout.fieldAt(i);
            if (field != null) {
                values.put(field, record.get(i));
            }
        }
        lastRowProblems = rowProblems(line, record);
        return new ParticipantRow(line, values);
    }

    private List<Problem> rowProblems(long line, CSVRecord record) {
        Problem undecodable = undecodable(line, record);
        Problem shape = shapeProblem(line, record);
        if (undecodable == null && shape == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>(2);
        if (undecodable != null) {
            problems.add(undecodable);
        }
        if (shape != null) {
            problems.add(shape);
        }
        return List.copyOf(problems);
    }

    /** A problem with the number of values in the record, or null. */
    private Problem shapeProblem(long line, CSVRecord record) {
        if (record.size() < layout.namedWidth()) {
            return shortRow(line, record.size());
        }
        int stray = firstStrayValue(record);
        return stray < 0 ? null : strayValue(line, record, stray);
    }

    /** A problem naming the columns whose values hold bytes the encoding could not decode, or null. */
    private Problem undecodable(long line, CSVRecord record) {
        List<String> columns = new ArrayList<>();
        int shared = Math.min(record.size(), layout.width());
        for (int i = 0; i < shared; i++) {
            if (layout.fieldAt(i) != null && record.get(i).indexOf(UNDECODABLE) >= 0) {
                columns.add(layout.headerAt(i));
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        String where = columns.size() == 1 ? "в столбце «" : "в столбцах «";
        String message = "Строка " + line + ": " + where + String.join("», «", columns)
                + "» есть символы не в кодировке файла (" + charset.name() + "). Видимо, часть файла сохранена "
                + "в другой кодировке — сохраните весь файл в UTF-8 или Windows-1251";
        return new Problem(line, columns.get(0), message);
    }

    /** The first non-blank value under a column without a header or past the last column, or -1. */
    private int firstStrayValue(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            boolean unnamed = i >= layout.width() || layout.fieldAt(i) == null;
            if (unnamed && !record.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private Problem shortRow(long line, int size) {
        List<String> absent = new ArrayList<>();
        for (int i = size; i < layout.width(); i++) {
            if (layout.fieldAt(i) != null) {
                absent.add(layout.headerAt(i));
            }
        }
        String message = "В строке " + size + " " + fieldsWord(size) + ", а в заголовке " + layout.width()
                + ": нет значений для «" + String.join("», «", absent)
                + "». Проверьте разделители и кавычки в этой строке";
        return new Problem(line, absent.get(0), message);
    }

    private Problem strayValue(long line, CSVRecord record, int column) {
        String value = abbreviated(record.get(column).strip());
        String message = column < layout.width()
                ? "Значение «" + value + "» в столбце " + (column + 1) + " без заголовка"
                : "Лишнее значение «" + value + "»: в строке " + record.size() + " " + fieldsWord(record.size())
                        + ", а в заголовке " + layout.width();
        return new Problem(line, "столбец " + (column + 1), message
                + ". Возможно, в поле есть разделитель без кавычек — заключите такое поле в кавычки");
    }

    /** A value short enough to quote in a message. */
    private static String abbreviated(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "…";
    }

    /** "поле", "поля" or "полей" for a count. */
    static String fieldsWord(int count) {
        int lastTwo = count % 100;
        int last = count % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return "полей";
        }
        if (last == 1) {
            return "поле";
        }
        return last >= 2 && last <= 4 ? "поля" : "полей";
    }
}

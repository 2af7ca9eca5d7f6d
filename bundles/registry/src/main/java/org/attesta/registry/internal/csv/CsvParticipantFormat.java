package org.attesta.registry.internal.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantImportFormat;
import org.attesta.api.region.ParticipantRowReader;
import org.osgi.service.component.annotations.Component;

/**
 * The default participant file format: CSV as regional databases and Excel write it.
 *
 * <ul>
 *   <li>Encoding: UTF-8 (with or without a byte-order mark) or Windows-1251, told apart from
 *       the first {@value EncodingDetector#SNIFF_BYTES} bytes.</li>
 *   <li>Separator: {@code ;} or {@code ,}, whichever splits the header into more known columns.</li>
 *   <li>Header: the first line; columns in any order, named in Russian or English
 *       (see {@link org.attesta.api.region.ParticipantField#headers()}).</li>
 *   <li>Quoting: RFC 4180 double quotes; a quoted field may hold separators, doubled quotes and
 *       line breaks.</li>
 * </ul>
 *
 * <p>The file is streamed: only buffers and one record are in memory at a time. Rows whose
 * number of values differs from the header are returned, with their problem available through
 * {@link org.attesta.registry.internal.imports.RowProblemSource}; see {@link CsvRowReader}.
 */
@Component(service = ParticipantImportFormat.class,
        property = {ParticipantImportFormat.MEDIA_TYPE + "=text/csv", "service.ranking:Integer=-100"})
public final class CsvParticipantFormat implements ParticipantImportFormat {
    /** Bytes and characters buffered; large reads keep a million-row file fast. */
    private static final int BUFFER_SIZE = 128 * 1024;

    /** A header longer than this is not a header: the file is not a participant CSV. */
    private static final int MAX_HEADER_CHARS = 64 * 1024;

    /** Characters one record may span before it is taken for an unclosed quote. */
    private static final long MAX_RECORD_CHARS = 1024 * 1024;

    private static final char[] SEPARATORS = {';', ','};

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public ParticipantRowReader open(InputStream data) {
        try {
            return openOrFail(data);
        } catch (IOException e) {
            closeQuietly(data, e);
            throw CsvFailures.translate(e, 1);
        } catch (RuntimeException e) {
            closeQuietly(data, e);
            throw e;
        }
    }

    private ParticipantRowReader openOrFail(InputStream data) throws IOException {
        CountingInputStream counter = new CountingInputStream(data);
        BufferedInputStream bytes = new BufferedInputStream(counter, BUFFER_SIZE);
        Charset charset = EncodingDetector.detect(bytes);
        BufferedReader text = new BufferedReader(new InputStreamReader(bytes, replacingDecoder(charset)), BUFFER_SIZE);
        char separator = chooseSeparator(peekHeaderLine(text));
        RecordSizeGuard guard = new RecordSizeGuard(text, MAX_RECORD_CHARS);
        CSVParser parser = new CSVParser(guard, formatWith(separator));
        HeaderLayout layout = HeaderLayout.of(readHeader(parser, guard));
        return new CsvRowReader(parser, layout, charset, counter, guard);
    }

    /**
     * Undecodable bytes become U+FFFD instead of failing the read: the decoder reads ahead, so
     * a failure would surface rows before the bad one. The row reader reports rows holding
     * U+FFFD with their exact line and column.
     */
    private static CharsetDecoder replacingDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static CSVFormat formatWith(char separator) {
        return CSVFormat.Builder.create()
                .setDelimiter(separator)
                .setQuote('"')
                .setRecordSeparator("\r\n")
                // Blank lines must reach the reader: they keep the line count of records right.
                .setIgnoreEmptyLines(false)
                .build();
    }

    /** The first line, up to a line break outside quotes; the reader is left where it was. */
    static String peekHeaderLine(BufferedReader text) throws IOException {
        text.mark(MAX_HEADER_CHARS + 1);
        StringBuilder line = new StringBuilder();
        boolean quoted = false;
        int c;
        while ((c = text.read()) >= 0) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (line.length() >= MAX_HEADER_CHARS) {
                throw headerTooLong();
            }
            line.append((char) c);
        }
        text.reset();
        return line.toString();
    }

    /** The separator that splits the header into more known columns; {@code ;} on a tie. */
    static char chooseSeparator(String headerLine) {
        char best = SEPARATORS[0];
        int bestScore = -1;
        for (char separator : SEPARATORS) {
            int score = HeaderLayout.recognisedColumns(splitHeader(headerLine, separator));
            if (score > bestScore) {
                best = separator;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<String> splitHeader(String headerLine, char separator) {
        try (CSVParser parser = CSVParser.parse(headerLine, formatWith(separator))) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList() : List.of();
        } catch (IOException | UncheckedIOException e) {
            // A header with a broken quote: the separator does not matter, reading it will fail.
            return List.of();
        }
    }

    private static List<String> readHeader(CSVParser parser, RecordSizeGuard guard) {
        guard.startRecord();
        Iterator<CSVRecord> records = parser.iterator();
        try {
            if (!records.hasNext()) {
                throw HeaderLayout.emptyFile();
            }
            return records.next().toList();
        } catch (UncheckedIOException e) {
            throw CsvFailures.translate(e.getCause(), 1);
        }
    }

    private static InvalidInputException headerTooLong() {
        String message = "Первая строка файла длиннее " + MAX_HEADER_CHARS
                + " символов — это не заголовок таблицы участников. Проверьте, что загружаете CSV-файл";
        return new InvalidInputException("malformed-csv", message, List.of(new Problem(1, "", message)), false);
    }

    private static void closeQuietly(InputStream data, Exception failure) {
        try {
            data.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

package org.attesta.region.example.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantImportFormat;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.osgi.service.component.annotations.Component;

/**
 * The participant export of a region whose database writes the full name as one column
 * («ФИО») and the identity document as one column («Документ»: type code, series, number).
 * Installed, it reads every text/csv import (its ranking beats the built-in reader);
 * uninstalled, the built-in reader is back. UTF-8, separated by «;».
 */
@Component(service = ParticipantImportFormat.class, property = {
        ParticipantImportFormat.MEDIA_TYPE + "=text/csv", "service.ranking:Integer=100"})
public class FullNameCsvFormat implements ParticipantImportFormat {
    static final List<String> HEADER = List.of("ФИО", "Дата рождения", "Пол", "Документ", "СНИЛС", "Код ОО", "Класс", "ОВЗ");

    @Override
    public String name() {
        return "region-example-fio";
    }

    @Override
    public ParticipantRowReader open(InputStream data) {
        try {
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).build()
                    .parse(new InputStreamReader(data, StandardCharsets.UTF_8));
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            if (!header.equals(HEADER)) {
                parser.close();
                String message = "Ожидается заголовок «" + String.join(";", HEADER) + "»";
                throw new InvalidInputException("unexpected-header", message, List.of(new Problem(1, "", message)), false);
            }
            return new Reader(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Reader implements ParticipantRowReader {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private long position;

        Reader(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public ParticipantRow next() {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            position = record.getCharacterPosition();
            Map<ParticipantField, String> values = new EnumMap<>(ParticipantField.class);
            String[] name = field(record, 0).split("\\s+", 3);
            values.put(ParticipantField.SURNAME, name[0]);
            values.put(ParticipantField.NAME, name.length > 1 ? name[1] : "");
            values.put(ParticipantField.PATRONYMIC, name.length > 2 ? name[2] : "");
            values.put(ParticipantField.BIRTH_DATE, field(record, 1));
            values.put(ParticipantField.SEX, field(record, 2));
            String[] document = field(record, 3).split("\\s+");
            values.put(ParticipantField.DOCUMENT_TYPE, document[0]);
            values.put(ParticipantField.DOCUMENT_SERIES, document.length > 2 ? document[1] : "");
            values.put(ParticipantField.DOCUMENT_NUMBER, document[document.length - 1]);
            values.put(ParticipantField.SNILS, field(record, 4));
            values.put(ParticipantField.SCHOOL_CODE, field(record, 5));
            values.put(ParticipantField.CLASS, field(record, 6));
            values.put(ParticipantField.SPECIAL_NEEDS, field(record, 7));
            return new ParticipantRow(record.getParser().getCurrentLineNumber(), values);
        }

        /** A short row yields blanks, which the registry reports as missing values. */
        private static String field(CSVRecord record, int index) {
            return index < record.size() ? record.get(index) : "";
        }

        @Override
        public long bytesRead() {
            // Characters rather than bytes: close enough for a progress indicator.
            return position;
        }

        @Override
        public Set<ParticipantField> fields() {
            return Set.of(ParticipantField.values());
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}

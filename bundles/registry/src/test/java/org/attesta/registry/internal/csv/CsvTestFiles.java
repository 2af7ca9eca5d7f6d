package org.attesta.registry.internal.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;

/** Sample files for the CSV tests. */
final class CsvTestFiles {
    static final String RUSSIAN_HEADER =
            "Фамилия;Имя;Отчество;Дата рождения;Пол;Тип документа;Серия;Номер;СНИЛС;Код ОО;Класс;ОВЗ";
    static final String IVANOV = "Иванов;Иван;Иванович;05.03.2010;М;1;4508;123456;112-233-445 95;500101;9А;нет";
    static final String PETROVA = "Петрова;Анна;;2010-11-30;Ж;3;IV-МЮ;654321;;500102;9Б;да";

    private CsvTestFiles() {
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream bytes(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static ParticipantRowReader open(InputStream in) {
        return new CsvParticipantFormat().open(in);
    }

    static ParticipantRowReader open(String utf8Text) {
        return open(utf8(utf8Text));
    }

    static List<ParticipantRow> readAll(ParticipantRowReader reader) {
        List<ParticipantRow> rows = new ArrayList<>();
        try (reader) {
            for (ParticipantRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** An input stream that remembers being closed. */
    static final class TrackedStream extends ByteArrayInputStream {
        boolean closed;

        TrackedStream(byte[] data) {
            super(data);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}

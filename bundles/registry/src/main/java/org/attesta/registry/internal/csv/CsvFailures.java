package org.attesta.registry.internal.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;

/** Translates failures of the CSV parser into messages a person can act on, naming the line. */
final class CsvFailures {

    private CsvFailures() {
    }

    /**
     * @param line the line the record being read starts on
     * @return an {@link InvalidInputException} for malformed input, otherwise the I/O failure unchecked
     */
    static RuntimeException translate(IOException failure, long line) {
        if (failure instanceof RecordSizeGuard.RecordTooLongException) {
            return invalid(line, "Запись, начинающаяся в строке " + line
                    + ", слишком длинная — вероятно, в ней не закрыта кавычка. Проверьте кавычки в этой строке");
        }
        // Commons CSV has no exception types of its own: its messages are the only way to tell.
        String message = String.valueOf(failure.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return invalid(line, "Строка " + line + ": не закрыта кавычка — поле, "
                    + "начатое с \", продолжается до конца файла. Закройте кавычку или удалите её");
        }
        if (message.contains("Invalid char between encapsulated token and delimiter")) {
            return invalid(line, "Строка " + line + ": после закрывающей кавычки поля "
                    + "идут другие символы. Кавычку внутри поля в кавычках нужно удвоить (\"\")");
        }
        return new UncheckedIOException(failure);
    }

    private static InvalidInputException invalid(long line, String message) {
        return new InvalidInputException("malformed-csv", message, List.of(new Problem(line, "", message)), false);
    }
}

package org.attesta.itests;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Participant files as regional databases export them, built row by row for each test. */
final class TestData {
    static final String RUSSIAN_HEADER = "Фамилия;Имя;Отчество;Дата рождения;Пол;Тип документа;Серия;Номер;СНИЛС;Код ОО;Класс;ОВЗ";

    private TestData() {
    }

    /** A valid СНИЛС built from a number (nine digits and their checksum), as 123-456-789 01. */
    static String snils(long number) {
        String digits = String.format("%09d", 100_000_000L + number);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int checksum = sum < 100 ? sum : (sum % 101 == 100 ? 0 : sum % 101);
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + String.format("%02d", checksum);
    }

    /** A good row for a school; {@code n} makes the document and СНИЛС unique. */
    static String row(String schoolCode, long n, String surname, String name, boolean specialNeeds) {
        return String.join(";", surname, name, "Петрович", "15.03.2010", "М", "1", "61" + (10 + n % 90),
                String.format("%06d", 100_000 + n), snils(n), schoolCode, "9А", specialNeeds ? "да" : "нет");
    }

    static byte[] file(Charset charset, boolean bom, List<String> rows) {
        StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "").append(RUSSIAN_HEADER).append("\r\n");
        rows.forEach(row -> text.append(row).append("\r\n"));
        return text.toString().getBytes(charset);
    }

    static byte[] utf8(List<String> rows) {
        return file(StandardCharsets.UTF_8, false, rows);
    }

    /** {@code count} good rows for a school, numbered from {@code first}. */
    static List<String> rows(String schoolCode, long first, int count) {
        List<String> rows = new ArrayList<>();
        String[] surnames = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков"};
        String[] names = {"Иван", "Пётр", "Алексей", "Сергей", "Дмитрий", "Андрей"};
        for (int i = 0; i < count; i++) {
            long n = first + i;
            rows.add(row(schoolCode, n, surnames[(int) (n % surnames.length)], names[(int) (n % names.length)], n % 7 == 0));
        }
        return rows;
    }
}

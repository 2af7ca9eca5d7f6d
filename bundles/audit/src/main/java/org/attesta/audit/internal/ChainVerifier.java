package org.attesta.audit.internal;

import java.util.Locale;
import org.attesta.api.audit.ChainVerification;

/**
 * Checks the chain one entry at a time, in sequence order, in constant memory, and remembers
 * the first break. The reasons are written for the auditor who has to act on them.
 */
final class ChainVerifier {
    private long entries;
    private long expected = 1;
    private String previousHash = ChainHash.GENESIS;
    private long firstBroken;
    private String reason;

    /** Takes the next entry by sequence number. */
    void accept(StoredEntry entry) {
        entries++;
        if (firstBroken == 0) {
            check(entry);
        }
        // Later entries are checked against what is stored, so one break is reported once.
        expected = entry.sequence() + 1;
        previousHash = entry.hash();
    }

    /**
     * Compares the chain's end with the head, read before ({@code before}) and after
     * ({@code after}) the entries: appends may run meanwhile, so entries up to {@code before}
     * must all be there, and none may lie beyond {@code after}.
     */
    ChainVerification finish(ChainHead before, ChainHead after) {
        if (firstBroken == 0) {
            checkEnd(before, after);
        }
        return new ChainVerification(entries, firstBroken, reason);
    }

    private void check(StoredEntry entry) {
        long sequence = entry.sequence();
        if (sequence > expected) {
            broken(expected, expected == 1
                    ? format("Запись № %d отсутствует: журнал начинается с записи № %d. Начальные записи удалены.",
                            expected, sequence)
                    : format("Запись № %d отсутствует: после записи № %d идёт запись № %d. Записи удалены из журнала.",
                            expected, expected - 1, sequence));
        } else if (sequence < expected) {
            // Only a row with a number below 1 gets here: sequence_no is the key and sorted.
            broken(expected, format("В журнале есть запись с недопустимым номером %d: она добавлена в обход журнала.",
                    sequence));
        } else if (!previousHash.equals(entry.prevHash())) {
            broken(sequence, sequence == 1
                    ? "Запись № 1 не начинает цепочку: её ссылка на предыдущий хеш не пустая."
                            + " Запись заменена в обход журнала."
                    : format("Запись № %d не продолжает цепочку: она ссылается не на хеш записи № %d."
                            + " Запись вставлена или заменена в обход журнала, либо запись № %d изменена"
                            + " вместе с её хешем.", sequence, sequence - 1, sequence - 1));
        } else if (!entry.computedHash().equals(entry.hash())) {
            broken(sequence, format("Содержимое записи № %d изменено: её хеш не совпадает с пересчитанным."
                    + " Сверьте запись с резервной копией журнала.", sequence));
        }
    }

    private void checkEnd(ChainHead before, ChainHead after) {
        long last = expected - 1;
        if (before == null || after == null) {
            broken(Math.max(last, 1), "Заголовок журнала (таблица audit_head) удалён: конец журнала не с чем сверить.");
        } else if (last < before.lastSequence()) {
            broken(before.lastSequence(), last == 0
                    ? format("Записи в конце журнала удалены: журнал пуст, а записано было %d.", before.lastSequence())
                    : format("Записи в конце журнала удалены: журнал заканчивается записью № %d,"
                            + " а последней была записана № %d.", last, before.lastSequence()));
        } else if (last > after.lastSequence()) {
            broken(after.lastSequence() + 1, format("Записи начиная с № %d не учтены в заголовке журнала:"
                    + " они добавлены в обход журнала, или заголовок изменён.", after.lastSequence() + 1));
        } else if (replaced(last, before) || replaced(last, after)) {
            broken(Math.max(last, 1), last == 0
                    ? "Заголовок журнала изменён: журнал пуст, а хеш в заголовке не начальный."
                    : format("Последняя запись № %d заменена: её хеш не совпадает с записанным в заголовке журнала.",
                            last));
        }
    }

    /** Whether the head names the same last entry but with another hash. */
    private boolean replaced(long last, ChainHead head) {
        return head.lastSequence() == last && !head.lastHash().equals(previousHash);
    }

    private void broken(long sequence, String why) {
        firstBroken = sequence;
        reason = why;
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}

package org.attesta.audit.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import org.attesta.api.audit.ChainVerification;

/**
 * Checks the chain one entry at a time, in sequence order, in constant memory, against the
 * chain key and the signed anchors, and remembers the first break. The reasons are written for
 * the auditor who has to act on them.
 *
 * <p>Entries written before the chain key existed (plain SHA-256) are accepted only as the
 * start of the chain and only up to the end the anchors state: otherwise anyone could turn
 * keyed entries into plain ones and recompute them without the key.
 */
final class ChainVerifier {
    private static final DateTimeFormatter ANCHOR_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneId.of("UTC"));

    private final Mac mac;
    private final AnchorSet anchors;
    private final long plainLimit;
    private int nextAnchor;
    private long entries;
    private long expected;
    /** The hash the next entry must link to; null when the first one read is taken as it is. */
    private String previousHash;
    private boolean keyedSeen;
    private long plainEnd;
    private long firstBroken;
    private String reason;

    private ChainVerifier(Mac mac, AnchorSet anchors, long expected, String previousHash, long plainEnd) {
        this.mac = mac;
        this.anchors = anchors;
        this.plainLimit = anchors.legacyEnd();
        this.expected = expected;
        this.previousHash = previousHash;
        this.plainEnd = plainEnd;
    }

    /** Checks the whole chain from entry 1. */
    static ChainVerifier full(Mac mac, AnchorSet anchors) {
        return new ChainVerifier(mac, anchors, 1, ChainHash.GENESIS, 0);
    }

    /**
     * Checks the entries from {@code anchor}'s on: the anchored one must still be there with
     * its hash, and each later one must chain onto it.
     */
    static ChainVerifier after(Anchor anchor, Mac mac) {
        return anchor.sequence() == 0
                ? new ChainVerifier(mac, AnchorSet.only(anchor), 1, ChainHash.GENESIS, anchor.legacyEnd())
                : new ChainVerifier(mac, AnchorSet.only(anchor), anchor.sequence(), null, anchor.legacyEnd());
    }

    /** Takes the next entry by sequence number. */
    void accept(StoredEntry entry) {
        entries++;
        if (firstBroken == 0) {
            check(entry);
        }
        if (entry.keyed()) {
            keyedSeen = true;
        } else if (!keyedSeen) {
            plainEnd = entry.sequence();
        }
        // Later entries are checked against what is stored, so one break is reported once.
        expected = entry.sequence() + 1;
        previousHash = entry.hash();
    }

    /** The last entry read, or the start when none was. */
    long lastSequence() {
        return expected - 1;
    }

    String lastHash() {
        return previousHash;
    }

    /** The last entry written without the key, for the next anchor. */
    long plainEnd() {
        return plainEnd;
    }

    /**
     * Compares the chain's end with the head, read before ({@code before}) and after
     * ({@code after}) the entries: appends may run meanwhile, so entries up to {@code before}
     * must all be there, and none may lie beyond {@code after}. Then with the anchors.
     */
    ChainVerification finish(ChainHead before, ChainHead after) {
        if (firstBroken == 0) {
            checkEnd(before, after);
        }
        if (firstBroken == 0) {
            checkLastAnchor();
        }
        checkRejectedAnchors();
        Anchor last = anchors.last();
        return new ChainVerification(entries, firstBroken, reason, anchors.size(),
                last == null ? 0 : last.sequence(), last == null ? null : last.time());
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
        } else if (previousHash != null && !previousHash.equals(entry.prevHash())) {
            broken(sequence, sequence == 1
                    ? "Запись № 1 не начинает цепочку: её ссылка на предыдущий хеш не пустая."
                            + " Запись заменена в обход журнала."
                    : format("Запись № %d не продолжает цепочку: она ссылается не на хеш записи № %d."
                            + " Запись вставлена или заменена в обход журнала, либо запись № %d изменена"
                            + " вместе с её хешем.", sequence, sequence - 1, sequence - 1));
        } else if (!checkHash(entry)) {
            return;
        } else {
            checkAnchors(entry);
        }
    }

    /** Whether the entry's hash is right for its scheme; names the break when not. */
    private boolean checkHash(StoredEntry entry) {
        long sequence = entry.sequence();
        if (entry.keyed()) {
            if (entry.keyedHash(mac).equals(entry.hash())) {
                return true;
            }
            broken(sequence, entry.plainHash().equals(entry.hash())
                    ? format("Содержимое записи № %d изменено, а хеш пересчитан без ключа журнала (простым SHA-256):"
                            + " хеш не совпадает с ключом. Сверьте запись с резервной копией журнала.", sequence)
                    : format("Содержимое записи № %d изменено: её хеш не совпадает с ключом журнала (или журнал"
                            + " проверяется не тем ключом). Сверьте запись с резервной копией журнала.", sequence));
        } else if (entry.scheme() != ChainHash.PLAIN) {
            broken(sequence, format("Запись № %d помечена неизвестной схемой хеша %d: она изменена в обход журнала.",
                    sequence, entry.scheme()));
        } else if (keyedSeen || sequence > plainLimit) {
            broken(sequence, format("Запись № %d помечена как сделанная до введения ключа журнала, но %s:"
                    + " запись изменена, а её хеш пересчитан без ключа.", sequence, keyedSeen
                            ? "перед ней уже есть записи с ключом"
                            : format("по подписанным якорям такие записи кончаются на № %d", plainLimit)));
        } else if (!entry.plainHash().equals(entry.hash())) {
            broken(sequence, format("Содержимое записи № %d изменено: её хеш не совпадает с пересчитанным."
                    + " Сверьте запись с резервной копией журнала.", sequence));
        } else {
            return true;
        }
        return false;
    }

    /** The anchors at this entry must name its hash; those at missing numbers are caught as gaps. */
    private void checkAnchors(StoredEntry entry) {
        List<Anchor> valid = anchors.valid();
        while (nextAnchor < valid.size() && valid.get(nextAnchor).sequence() <= entry.sequence()) {
            Anchor anchor = valid.get(nextAnchor++);
            if (anchor.sequence() == entry.sequence() && !anchor.hash().equals(entry.hash())) {
                broken(entry.sequence(), format("Запись № %d не совпадает с подписанным якорем от %s (узел %s):"
                        + " цепочка переписана в обход журнала.", entry.sequence(), ANCHOR_TIME.format(anchor.time()),
                        anchor.node()));
                return;
            }
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

    /** A deleted tail, or a chain rebuilt shorter, ends before what an anchor vouches for. */
    private void checkLastAnchor() {
        Anchor last = anchors.last();
        long end = expected - 1;
        if (last != null && end < last.sequence()) {
            broken(end + 1, format("Журнал заканчивается записью № %d, а подписанный якорь от %s (узел %s)"
                    + " подтверждает запись № %d: записи с № %d удалены в обход журнала.", end,
                    ANCHOR_TIME.format(last.time()), last.node(), last.sequence(), end + 1));
        }
    }

    /** A changed anchor line is reported even when the chain is intact: the file is evidence too. */
    private void checkRejectedAnchors() {
        for (AnchorSet.Rejected line : anchors.rejected()) {
            long sequence = Math.max(line.sequence(), 1);
            if (firstBroken == 0 || sequence < firstBroken) {
                firstBroken = sequence;
                reason = line.readable()
                        ? format("Подпись якоря в строке %d файла якорей неверна (якорь к записи № %d):"
                                + " файл якорей изменён или якорь подписан чужим ключом.", line.line(), line.sequence())
                        : format("Строка %d файла якорей не является якорем: файл якорей изменён.", line.line());
            }
        }
    }

    /** Whether the head names the same last entry but with another hash. */
    private boolean replaced(long last, ChainHead head) {
        return previousHash != null && head.lastSequence() == last && !head.lastHash().equals(previousHash);
    }

    private void broken(long sequence, String why) {
        firstBroken = sequence;
        reason = why;
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}

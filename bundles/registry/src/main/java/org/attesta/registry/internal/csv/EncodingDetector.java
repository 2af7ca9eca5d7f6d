package org.attesta.registry.internal.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Problem;

/**
 * Tells the encodings regional exports come in apart: UTF-8 with or without a byte-order mark
 * and Windows-1251 (what Excel writes for "CSV" on a Russian Windows). Only a bounded prefix
 * is examined, so a file of a million rows is never held in memory.
 */
final class EncodingDetector {
    /** How much of the file is examined. */
    static final int SNIFF_BYTES = 64 * 1024;

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    static final String UNKNOWN_ENCODING_MESSAGE = "Не удалось определить кодировку файла. "
            + "Сохраните файл как CSV в кодировке UTF-8 или Windows-1251 "
            + "(в Excel: «Сохранить как» → «CSV UTF-8» или «CSV (разделители — точка с запятой)»)";

    /** Share of characters that may be control characters in a text file (form feeds, stray bytes). */
    private static final double MAX_CONTROL_SHARE = 0.001;

    /** Share of the non-ASCII characters of a Windows-1251 text that must be Russian letters or typography. */
    private static final double MIN_CYRILLIC_SHARE = 0.9;

    /** Share of Russian letters that may touch a Latin letter (typos such as a Latin "a" in a name). */
    private static final double MAX_MIXED_SHARE = 0.2;

    private EncodingDetector() {
    }

    /**
     * Examines the start of the stream and leaves the stream positioned after any byte-order
     * mark, ready to decode with the returned charset.
     *
     * @throws InvalidInputException type {@code unknown-encoding} when the bytes are neither
     */
    static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] prefix = in.readNBytes(SNIFF_BYTES);
        in.reset();
        boolean wholeFile = prefix.length < SNIFF_BYTES;
        if (hasUtf8Bom(prefix)) {
            in.skipNBytes(3);
        }
        return detect(prefix, wholeFile);
    }

    /**
     * The charset of a file that starts with {@code prefix}.
     *
     * @param wholeFile whether the prefix is the whole file; if not, a multi-byte character
     *     cut at its end is not a fault
     */
    static Charset detect(byte[] prefix, boolean wholeFile) {
        if (hasUtf8Bom(prefix)) {
            return StandardCharsets.UTF_8;
        }
        if (hasUtf16Or32Bom(prefix)) {
            throw unknownEncoding();
        }
        String utf8 = decodeStrictUtf8(prefix, wholeFile);
        if (utf8 != null) {
            if (fewControls(utf8)) {
                return StandardCharsets.UTF_8;
            }
            throw unknownEncoding();
        }
        String cp1251 = new String(prefix, WINDOWS_1251);
        if (fewControls(cp1251) && mostlyCyrillic(cp1251)) {
            return WINDOWS_1251;
        }
        throw unknownEncoding();
    }

    static InvalidInputException unknownEncoding() {
        return new InvalidInputException("unknown-encoding", UNKNOWN_ENCODING_MESSAGE,
                List.of(new Problem(1, "", UNKNOWN_ENCODING_MESSAGE)), false);
    }

    private static boolean hasUtf8Bom(byte[] prefix) {
        return prefix.length >= 3 && (prefix[0] & 0xFF) == 0xEF && (prefix[1] & 0xFF) == 0xBB
                && (prefix[2] & 0xFF) == 0xBF;
    }

    /** FE FF, FF FE (which also starts the UTF-32LE mark) and 00 00 FE FF. */
    private static boolean hasUtf16Or32Bom(byte[] prefix) {
        if (prefix.length < 2) {
            return false;
        }
        int b0 = prefix[0] & 0xFF;
        int b1 = prefix[1] & 0xFF;
        boolean utf16 = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
        boolean utf32be = prefix.length >= 4 && b0 == 0 && b1 == 0 && (prefix[2] & 0xFF) == 0xFE
                && (prefix[3] & 0xFF) == 0xFF;
        return utf16 || utf32be;
    }

    /** The prefix as UTF-8, or null when it is not valid UTF-8. */
    private static String decodeStrictUtf8(byte[] prefix, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(prefix);
        CharBuffer out = CharBuffer.allocate(prefix.length);
        // Without end of input, a sequence cut at the end of the prefix is left unread, not an error.
        CoderResult result = decoder.decode(in, out, wholeFile);
        if (result.isError()) {
            return null;
        }
        if (wholeFile && decoder.flush(out).isError()) {
            return null;
        }
        if (!wholeFile && in.remaining() > 3) {
            return null;
        }
        return out.flip().toString();
    }

    /** Binary data and UTF-16 without a mark are full of control characters (NUL above all). */
    private static boolean fewControls(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                controls++;
            }
        }
        return controls <= text.length() * MAX_CONTROL_SHARE;
    }

    /**
     * Whether text decoded as Windows-1251 reads as Russian: its non-ASCII characters are
     * Russian letters or typography, and the letters form words of their own. Western text
     * (Windows-1252, Latin-1) also decodes to Cyrillic letters, but one at a time inside Latin
     * words: {@code Prénom} becomes {@code Prйnom}.
     */
    private static boolean mostlyCyrillic(String text) {
        int nonAscii = 0;
        int russian = 0;
        int cyrillicLetters = 0;
        int insideLatinWords = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            nonAscii++;
            if (isRussianLetterOrTypography(c)) {
                russian++;
            }
            if (Character.isLetter(c)) {
                cyrillicLetters++;
                if (isAsciiLetterAt(text, i - 1) || isAsciiLetterAt(text, i + 1)) {
                    insideLatinWords++;
                }
            }
        }
        return russian >= nonAscii * MIN_CYRILLIC_SHARE && insideLatinWords <= cyrillicLetters * MAX_MIXED_SHARE;
    }

    private static boolean isAsciiLetterAt(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isRussianLetterOrTypography(char c) {
        return (c >= 'А' && c <= 'я') || c == 'Ё' || c == 'ё' || "№«»–—\u00a0‘’‚“”„…•·°".indexOf(c) >= 0;
    }
}

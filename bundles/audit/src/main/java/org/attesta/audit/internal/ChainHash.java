package org.attesta.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * The hash that chains an audit entry to the one before it: hex HMAC-SHA256 under the chain
 * key ({@link #keyed}) or, for entries written before the key existed, plain SHA-256
 * ({@link #of}), over the previous entry's hash and every stored field of this entry.
 *
 * <p>The fields are encoded so that no two different entries give the same bytes: a version
 * tag first, then each field as its UTF-8 length in decimal, ':' and its bytes; a null field is
 * the single byte '-', which no length starts with, so null and "" differ, and a character
 * moved from one field to the next changes a length. Changing this encoding makes every
 * stored hash invalid: add a new version tag instead.
 */
final class ChainHash {
    /** The previous hash of the first entry, as the schema seeds audit_head. */
    static final String GENESIS = "0".repeat(64);

    static final String VERSION = "attesta-audit-1";
    static final String KEYED_VERSION = "attesta-audit-2";

    /** The values of audit_entry.chain_scheme. */
    static final int PLAIN = 1;
    static final int KEYED = 2;

    private static final byte NULL = '-';
    private static final byte SEPARATOR = ':';

    private ChainHash() {
    }

    static String of(String prevHash, long sequence, long occurredAt, String actor, String actorKind,
            String address, String action, String outcome, String objectType, String objectId, String detail) {
        return HexFormat.of().formatHex(sha256(encode(VERSION, prevHash, Long.toString(sequence),
                Long.toString(occurredAt), actor, actorKind, address, action, outcome, objectType, objectId, detail)));
    }

    /** The keyed hash; {@code mac} is initialised with the chain key and is reset by this call. */
    static String keyed(Mac mac, String prevHash, long sequence, long occurredAt, String actor, String actorKind,
            String address, String action, String outcome, String objectType, String objectId, String detail) {
        return HexFormat.of().formatHex(mac.doFinal(encode(KEYED_VERSION, prevHash, Long.toString(sequence),
                Long.toString(occurredAt), actor, actorKind, address, action, outcome, objectType, objectId, detail)));
    }

    /** The bytes the hash is taken over; package-private so that a test can pin the encoding. */
    static byte[] encode(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            if (field == null) {
                out.write(NULL);
                continue;
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(SEPARATOR);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

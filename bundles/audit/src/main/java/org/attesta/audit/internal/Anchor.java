package org.attesta.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement, kept outside the database, that the chain's entry {@code sequence} had
 * {@code hash} at {@code time}, and that entries up to {@code legacyEnd} (and no later ones)
 * were written before the chain key existed. The signature covers the length-prefixed
 * encoding of those values (see {@link #signedBytes()}), so an auditor can check a line with
 * the public key alone.
 */
record Anchor(long sequence, String hash, long legacyEnd, Instant time, String node, String signature) {
    static final String VERSION = "attesta-audit-anchor-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    static Anchor sign(long sequence, String hash, long legacyEnd, Instant time, String node, PrivateKey key) {
        Anchor unsigned = new Anchor(sequence, hash, legacyEnd, time, node, null);
        try {
            Signature signer = Signature.getInstance(AuditKeys.SIGNATURE);
            signer.initSign(key);
            signer.update(unsigned.signedBytes());
            return new Anchor(sequence, hash, legacyEnd, time, node,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign an audit anchor", e);
        }
    }

    byte[] signedBytes() {
        return ChainHash.encode(VERSION, Long.toString(sequence), hash, Long.toString(legacyEnd), time.toString(),
                node);
    }

    boolean verifiedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(AuditKeys.SIGNATURE);
            verifier.initVerify(key);
            verifier.update(signedBytes());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** One line of the anchor file. */
    String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sequence", sequence);
        fields.put("hash", hash);
        fields.put("legacyEnd", legacyEnd);
        fields.put("time", time.toString());
        fields.put("node", node);
        fields.put("signature", signature);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an audit anchor", e);
        }
    }

    /** @throws IllegalArgumentException when the line is not an anchor */
    static Anchor parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return new Anchor(number(node, "sequence"), text(node, "hash"), number(node, "legacyEnd"),
                    Instant.parse(text(node, "time")), text(node, "node"), text(node, "signature"));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException("not an audit anchor", e);
        }
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asText();
    }
}

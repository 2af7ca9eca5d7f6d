package org.attesta.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The audit log's own keys, in files outside the database: the chain key (HMAC-SHA256) and
 * the Ed25519 pair that signs anchors. Both are created at first start, mode 600; the public
 * half is also written beside them as a PEM file to hand to an auditor. Every node that shares
 * the database must be given the same files.
 */
final class AuditKeys {
    static final String SIGNATURE = "Ed25519";
    private static final System.Logger LOG = System.getLogger(AuditKeys.class.getName());

    private final ChainKey chainKey;
    private final KeyPair anchorKeys;

    AuditKeys(ChainKey chainKey, KeyPair anchorKeys) {
        this.chainKey = chainKey;
        this.anchorKeys = anchorKeys;
    }

    ChainKey chainKey() {
        return chainKey;
    }

    PrivateKey signingKey() {
        return anchorKeys.getPrivate();
    }

    PublicKey verifyingKey() {
        return anchorKeys.getPublic();
    }

    static AuditKeys loadOrCreate(Path chainKeyFile, Path signingKeyFile, SecureRandom random) throws IOException {
        return new AuditKeys(chainKey(chainKeyFile, random), anchorKeys(signingKeyFile, random));
    }

    static KeyPair newAnchorKeys(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(SIGNATURE);
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    private static ChainKey chainKey(Path file, SecureRandom random) throws IOException {
        byte[] fresh = new byte[ChainKey.BYTES];
        random.nextBytes(fresh);
        if (KeyFiles.createOnce(file, line(fresh))) {
            LOG.log(System.Logger.Level.WARNING, "Created the audit chain key file {0}. Back it up apart from the "
                    + "database and give every node the same file: without it, the audit log cannot be verified.",
                    file);
        }
        try {
            return new ChainKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IllegalArgumentException e) {
            throw new IOException("The audit chain key file " + file + " does not hold a base64 key of "
                    + ChainKey.BYTES + " bytes; restore it from the backup", e);
        }
    }

    /** Two base64 lines: the private key (PKCS#8), then the public key (X.509). */
    private static KeyPair anchorKeys(Path file, SecureRandom random) throws IOException {
        KeyPair fresh = newAnchorKeys(random);
        byte[] content = (Base64.getEncoder().encodeToString(fresh.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(fresh.getPublic().getEncoded()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        if (KeyFiles.createOnce(file, content)) {
            LOG.log(System.Logger.Level.WARNING, "Created the audit anchor signing key file {0}. Back it up apart "
                    + "from the database and give every node the same file.", file);
        }
        KeyPair keys = readAnchorKeys(file);
        exportPublic(publicFile(file), keys.getPublic());
        return keys;
    }

    private static KeyPair readAnchorKeys(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        try {
            KeyFactory factory = KeyFactory.getInstance(SIGNATURE);
            PrivateKey secret = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(lines.get(0).strip())));
            PublicKey open = factory.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(lines.get(1).strip())));
            return new KeyPair(open, secret);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | GeneralSecurityException e) {
            throw new IOException("The audit anchor key file " + file + " does not hold an Ed25519 key pair; "
                    + "restore it from the backup", e);
        }
    }

    /** {@code attesta-audit-anchor.key} → {@code attesta-audit-anchor.pub}. */
    static Path publicFile(Path signingKeyFile) {
        String name = signingKeyFile.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
        return signingKeyFile.resolveSibling(base + ".pub");
    }

    /** Rewritten when missing or stale; it is public, so plain permissions are right. */
    private static void exportPublic(Path file, PublicKey key) throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        }
    }

    private static byte[] line(byte[] secret) {
        return (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}

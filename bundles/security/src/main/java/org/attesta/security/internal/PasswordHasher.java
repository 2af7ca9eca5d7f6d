package org.attesta.security.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so the parameters travel with each hash
 * and can be raised later: {@link #needsRehash} tells when a stored hash is cheaper than today's setting.
 */
final class PasswordHasher {
    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Argon2Settings settings;
    private final SecureRandom random;

    PasswordHasher(Argon2Settings settings, SecureRandom random) {
        this.settings = settings;
        this.random = random;
    }

    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, settings, HASH_BYTES);
        return PREFIX + "m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p=" + settings.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether the password matches a stored hash; false for anything that is not an Argon2id PHC string. */
    static boolean verify(char[] password, String stored) {
        Parsed parsed = Parsed.of(stored);
        if (parsed == null) {
            return false;
        }
        byte[] actual = argon2(password, parsed.salt(), parsed.settings(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    static boolean isHash(String stored) {
        return Parsed.of(stored) != null;
    }

    boolean needsRehash(String stored) {
        Parsed parsed = Parsed.of(stored);
        return parsed == null || !parsed.settings().atLeast(settings);
    }

    Argon2Settings settings() {
        return settings;
    }

    private static byte[] argon2(char[] password, byte[] salt, Argon2Settings settings, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKib())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] bytes = utf8(password);
        try {
            byte[] out = new byte[length];
            generator.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private record Parsed(Argon2Settings settings, byte[] salt, byte[] hash) {
        static Parsed of(String stored) {
            if (stored == null || !stored.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = stored.substring(PREFIX.length()).split("\\$");
            if (parts.length != 3) {
                return null;
            }
            try {
                int m = 0;
                int t = 0;
                int p = 0;
                for (String pair : parts[0].split(",")) {
                    String[] kv = pair.split("=", 2);
                    int value = Integer.parseInt(kv[1]);
                    switch (kv[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                return new Parsed(new Argon2Settings(m, t, p), B64_DECODER.decode(parts[1]),
                        B64_DECODER.decode(parts[2]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}

package org.attesta.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attesta.api.security.Caller;

/**
 * Passwords of script requests (HTTP Basic) checked in the last minute, so that a script
 * sending its password with every request costs one Argon2id check a minute, not one per
 * request. Kept in this node's memory under a keyed hash with a key made at start, never in
 * clear; a reset, disable or password change forgets them all on this node, and every use is
 * checked against the account's stored hash, so a change made on another node ends them too.
 */
final class VerifiedPasswords {
    private static final int MAX_ENTRIES = 10_000;

    private final Duration lifetime;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    VerifiedPasswords(Duration lifetime, SecureRandom random, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** What was remembered: the caller, and the stored hash the password was checked against (null for none). */
    record Remembered(Caller caller, String passwordHash) {
    }

    Optional<Remembered> find(String login, char[] password) {
        if (lifetime.isZero()) {
            return Optional.empty();
        }
        String id = id(login, password);
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(new Remembered(entry.caller(), entry.passwordHash()));
    }

    /** Counts the clears; a check started before a clear must not be remembered after it. */
    long generation() {
        return generation.get();
    }

    /**
     * @param seenGeneration {@link #generation()} taken before the password was checked: if a
     *     reset, disable or password change cleared the cache since, the check proves nothing
     */
    void remember(String login, char[] password, Caller caller, String passwordHash, long seenGeneration) {
        if (lifetime.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        String id = id(login, password);
        entries.put(id, new Entry(caller, passwordHash, clock.instant().plus(lifetime)));
        if (generation.get() != seenGeneration) {
            entries.remove(id);
        }
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private String id(String login, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(login.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private record Entry(Caller caller, String passwordHash, Instant expires) {
    }
}

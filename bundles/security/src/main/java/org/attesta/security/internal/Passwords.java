package org.attesta.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.attesta.api.common.TooManyRequestsException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Password hashing and checking. Chosen passwords are hashed with Argon2id; one-time passwords,
 * which are random, are stored as a keyed hash ({@code $otp$...}) and, until handed over,
 * sealed with the data key so the issuing side can read them once.
 *
 * <p>Argon2id is deliberately expensive in memory and time, so only a few checks run at once
 * (one per spare core by default): a burst of logins waits its turn instead of starving every
 * other request, and is refused with "try again" when the wait grows too long.
 */
@Component(service = Passwords.class, configurationPid = "org.attesta.security.passwords")
@Designate(ocd = Passwords.Config.class)
public class Passwords {

    @ObjectClassDefinition(name = "Attesta password hashing")
    public @interface Config {
        @AttributeDefinition(description = "Argon2id memory in KiB (at least 19456, OWASP's minimum with 2 passes)")
        int argon2_memory_kib() default 19 * 1024;

        @AttributeDefinition(description = "Argon2id passes over the memory (at least 2 at 19456 KiB)")
        int argon2_iterations() default 2;

        @AttributeDefinition(description = "Argon2id lanes")
        int argon2_parallelism() default 1;

        @AttributeDefinition(description = "Password checks running at once; 0 means one less than the cores, at least 1")
        int concurrent_checks() default 0;

        @AttributeDefinition(description = "Seconds a password check may wait for its turn before the attempt is refused")
        int check_wait_seconds() default 5;
    }

    static final String ONE_TIME_PREFIX = "$otp$";

    private final PasswordHasher hasher;
    private final Sealer credentials;
    private final OneTimePasswords oneTime;
    private final Semaphore checks;
    private final int waitSeconds;
    private final String dummyHash;

    @Activate
    public Passwords(Config config, @Reference KeyRing keys) {
        Argon2Settings settings = new Argon2Settings(config.argon2_memory_kib(), config.argon2_iterations(),
                config.argon2_parallelism());
        if (!settings.atLeast(Argon2Settings.OWASP_MINIMUM)) {
            throw new IllegalArgumentException("Argon2id settings " + settings + " are below OWASP's minimum "
                    + Argon2Settings.OWASP_MINIMUM);
        }
        this.hasher = new PasswordHasher(settings, keys.random());
        this.credentials = keys.sealer("credentials");
        this.oneTime = new OneTimePasswords(keys.random());
        int concurrent = config.concurrent_checks() > 0 ? config.concurrent_checks()
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.checks = new Semaphore(concurrent, true);
        this.waitSeconds = config.check_wait_seconds();
        this.dummyHash = hasher.hash("not-a-password".toCharArray());
    }

    /** A new one-time password, its stored form, and its sealed copy for the one handover. */
    record OneTime(String password, String storedHash, String sealed) {
        @Override
        public String toString() {
            return "OneTime[***]";
        }
    }

    OneTime newOneTimePassword() {
        String password = oneTime.next();
        return new OneTime(password, ONE_TIME_PREFIX + credentials.fingerprint(password), credentials.seal(password));
    }

    String openSealed(String sealed) {
        return credentials.open(sealed);
    }

    /** Hashes a chosen password with Argon2id. */
    String hash(char[] password) {
        return throttled(() -> hasher.hash(password));
    }

    /**
     * Checks a password at the cost of exactly one Argon2id verification, whatever is stored: an
     * Argon2id hash is verified, and for a one-time password (a fast keyed hash) or anything else
     * a dummy hash of today's setting is verified first, so the answer time does not tell which
     * kind of credential, if any, a login has.
     */
    boolean verify(char[] password, String stored) {
        if (stored != null && stored.startsWith(ONE_TIME_PREFIX)) {
            verifyNothing(password);
            byte[] expected = stored.substring(ONE_TIME_PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
            byte[] actual = credentials.fingerprint(new String(password)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, actual);
        }
        if (!isHash(stored)) {
            verifyNothing(password);
            return false;
        }
        return throttled(() -> PasswordHasher.verify(password, stored));
    }

    /** Spends the time of one real check, so that an unknown login is not told apart by timing. */
    void verifyNothing(char[] password) {
        throttled(() -> PasswordHasher.verify(password, dummyHash));
    }

    /** Whether the stored form is an Argon2id hash this class can verify. */
    boolean isHash(String stored) {
        return PasswordHasher.isHash(stored);
    }

    boolean needsRehash(String stored) {
        return stored != null && !stored.startsWith(ONE_TIME_PREFIX) && hasher.needsRehash(stored);
    }

    Argon2Settings settings() {
        return hasher.settings();
    }

    private <T> T throttled(java.util.function.Supplier<T> check) {
        boolean acquired;
        try {
            acquired = checks.tryAcquire(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new TooManyRequestsException("server-busy",
                    "Сервер занят проверкой паролей, повторите вход через несколько секунд", 2);
        }
        try {
            return check.get();
        } finally {
            checks.release();
        }
    }
}

package org.attesta.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The platform administrators (Karaf users): their logins, which no staff account may take, and
 * the check of their passwords with the same Argon2id as staff passwords. The file is read at
 * every check, so a user added by hand counts at once.
 */
@Component(service = PlatformAccounts.class, configurationPid = "org.attesta.security.platform")
@Designate(ocd = PlatformAccounts.Config.class)
public class PlatformAccounts {

    @ObjectClassDefinition(name = "Attesta platform administrators")
    public @interface Config {
        @AttributeDefinition(description = "File of the platform administrators, relative to the etc directory")
        String users_file() default "platform-administrators.properties";

        @AttributeDefinition(description = "Karaf's users file, whose users are moved into the file above")
        String karaf_users_file() default "users.properties";

        @AttributeDefinition(description = "Logins no staff account may take, besides the platform administrators'")
        String[] reserved_logins() default {"admin", "administrator", "karaf", "system", "root", "manager",
            "viewer", "tadmin", "smx", "guest", "anonymous", "ssh", "attesta", "superuser", "sa"};
    }

    private static final String LEGACY_PREFIX = "{CRYPT}";

    /** A platform administrator who has just proved its password. */
    record Administrator(String login, Set<String> roles, Set<String> groups) {
    }

    private final Path file;
    private final Path karafUsers;
    private final Set<String> reserved;
    private final Passwords passwords;

    @Activate
    public PlatformAccounts(Config config, @Reference Passwords passwords) {
        this(etc().resolve(config.users_file()), etc().resolve(config.karaf_users_file()),
                Set.of(config.reserved_logins()), passwords);
    }

    PlatformAccounts(Path file, Set<String> reserved, Passwords passwords) {
        this(file, null, reserved, passwords);
    }

    PlatformAccounts(Path file, Path karafUsers, Set<String> reserved, Passwords passwords) {
        this.file = file;
        this.karafUsers = karafUsers;
        this.reserved = reserved.stream().map(PlatformAccounts::fold).collect(Collectors.toUnmodifiableSet());
        this.passwords = passwords;
    }

    Path file() {
        return file;
    }

    /** Whether a platform administrator with exactly this login exists now. */
    boolean exists(String login) {
        return read().user(login).isPresent();
    }

    /** Whether the login, compared without case, is a platform administrator's. */
    boolean shadows(String login) {
        return standing(login) != Standing.NONE;
    }

    /** What a typed login is to the platform, from one read of the file. */
    enum Standing { ADMINISTRATOR, LOOKALIKE, NONE }

    Standing standing(String login) {
        UsersFile users = read();
        if (users.user(login).isPresent()) {
            return Standing.ADMINISTRATOR;
        }
        String folded = fold(login);
        return users.logins().stream().map(PlatformAccounts::fold).anyMatch(folded::equals) ? Standing.LOOKALIKE
                : Standing.NONE;
    }

    /** Whether a staff account may not take this login: a reserved name or any administrator's, in any case. */
    boolean isReserved(String login) {
        return !reservedAmong(List.of(login)).isEmpty();
    }

    /** The logins a staff account may not take, of many, reading the administrators once. */
    List<String> reservedAmong(Collection<String> logins) {
        Set<String> taken = read().logins().stream().map(PlatformAccounts::fold).collect(Collectors.toSet());
        taken.addAll(reserved);
        return logins.stream().filter(login -> taken.contains(fold(login))).toList();
    }

    /**
     * Checks the password at the cost of exactly one Argon2id verification whatever the entry is
     * (missing, Argon2id, Karaf's SHA-512, plain), so the time tells nothing. An entry that is not
     * Argon2id yet is re-hashed on its first right password.
     */
    Optional<Administrator> verify(String login, char[] password) {
        UsersFile users = read();
        Optional<UsersFile.User> user = users.user(login);
        String credential = user.map(UsersFile.User::credential).orElse(null);
        boolean right;
        if (credential != null && passwords.isHash(credential)) {
            right = passwords.verify(password, credential);
        } else {
            passwords.verifyNothing(password);
            right = credential != null && legacyMatches(password, credential);
        }
        if (!right) {
            return Optional.empty();
        }
        if (passwords.needsRehash(credential)) {
            rehash(login, credential, passwords.hash(password));
        }
        return Optional.of(new Administrator(login, users.roles(login), users.groups(login)));
    }

    /**
     * Replaces a credential by its new hash, on the file as it is now: checks run in parallel
     * (the lock covers only the rewrite), and a line changed meanwhile by hand is left alone.
     */
    private synchronized void rehash(String login, String checked, String hash) {
        UsersFile users = read();
        Optional<UsersFile.User> user = users.user(login);
        if (user.isPresent() && user.get().credential().equals(checked)) {
            users.putUser(login, new UsersFile.User(hash, user.get().memberships()));
            write(users);
        }
    }

    /** Adds an administrator in a group with the given roles; false when the login exists already. */
    synchronized boolean create(String login, char[] password, String group, List<String> roles) {
        UsersFile users = read();
        if (users.user(login).isPresent()) {
            return false;
        }
        if (!users.hasGroup(group)) {
            users.putGroup(group, roles);
        }
        users.putUser(login, new UsersFile.User(passwords.hash(password), List.of(UsersFile.GROUP_PREFIX + group)));
        write(users);
        return true;
    }

    /** Keeps the files readable by their owner only, also when they were copied in from elsewhere. */
    void restrictFiles() {
        try {
            UsersFile.restrict(file);
            if (karafUsers != null) {
                UsersFile.restrict(karafUsers);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves the users of Karaf's users file (an older install's, with SHA-512 entries) into ours
     * and leaves Karaf's without users. Karaf's own realm keeps reading that file whenever ours is
     * not registered (during start-up, or with the security bundle stopped); with no users in it,
     * it lets nobody in, and never sees a hash it would take for a plain password.
     *
     * @return whether any user was moved
     */
    synchronized boolean moveKarafUsers() {
        if (karafUsers == null) {
            return false;
        }
        try {
            UsersFile karaf = UsersFile.read(karafUsers);
            if (karaf.logins().isEmpty()) {
                return false;
            }
            UsersFile users = read();
            users.addMissing(karaf);
            write(users);
            UsersFile.empty().write(karafUsers, "# Karaf's own realm reads this file only while Attesta's realm is not\n"
                    + "# running, so it holds no users. Platform administrators are in " + file.getFileName()
                    + "\n# (see docs/admin-guide.md).\n");
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the users of " + karafUsers, e);
        }
    }

    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }

    private UsersFile read() {
        try {
            return UsersFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the platform administrators' file " + file, e);
        }
    }

    private void write(UsersFile users) {
        try {
            users.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the platform administrators' file " + file, e);
        }
    }

    /** Karaf's {@code {CRYPT}hex-sha-512{CRYPT}}, or a plain password typed into the file. */
    private static boolean legacyMatches(char[] password, String credential) {
        byte[] given = new String(password).getBytes(StandardCharsets.UTF_8);
        if (!credential.startsWith(LEGACY_PREFIX) || !credential.endsWith(LEGACY_PREFIX)
                || credential.length() < 2 * LEGACY_PREFIX.length()) {
            return MessageDigest.isEqual(given, credential.getBytes(StandardCharsets.UTF_8));
        }
        String digest = credential.substring(LEGACY_PREFIX.length(), credential.length() - LEGACY_PREFIX.length());
        try {
            byte[] actual = MessageDigest.getInstance("SHA-512").digest(given);
            return MessageDigest.isEqual(actual, decode(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this JDK", e);
        }
    }

    private static byte[] decode(String digest) {
        try {
            return HexFormat.of().parseHex(digest.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            try {
                return Base64.getDecoder().decode(digest);
            } catch (IllegalArgumentException notBase64) {
                return new byte[0];
            }
        }
    }

    static String fold(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}

package org.attesta.security.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The platform administrators' file, in the layout of Karaf's {@code etc/users.properties}
 * ({@code login = credential,_g_:group,role}, {@code _g_\:group = group,role,...}) so that an
 * existing install keeps its users. The credential is an Argon2id PHC string; an entry left by
 * Karaf ({@code {CRYPT}sha-512{CRYPT}}) or typed in by hand (plain text) is accepted once and
 * then replaced. The PHC string itself contains commas ({@code m=..,t=..,p=..}), so it is
 * recognised by its shape rather than cut at the first comma.
 */
final class UsersFile {
    static final String GROUP_PREFIX = "_g_:";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String ARGON2_PREFIX = "$argon2id$";
    private static final int PHC_DOLLARS = 5;

    /** One administrator: the stored credential and the groups and roles named on its line. */
    record User(String credential, List<String> memberships) {
        User {
            memberships = List.copyOf(memberships);
        }

        @Override
        public String toString() {
            return "User[***, " + memberships + "]";
        }
    }

    private final Map<String, User> users;
    private final Map<String, List<String>> groups;

    private UsersFile(Map<String, User> users, Map<String, List<String>> groups) {
        this.users = users;
        this.groups = groups;
    }

    static UsersFile empty() {
        return new UsersFile(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    static UsersFile read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).strip();
            if (key.startsWith(GROUP_PREFIX)) {
                List<String> items = split(value);
                groups.put(key.substring(GROUP_PREFIX.length()), items.isEmpty() ? items : items.subList(1, items.size()));
            } else {
                users.put(key, parseUser(value));
            }
        }
        return new UsersFile(users, groups);
    }

    static User parseUser(String value) {
        int end = credentialEnd(value);
        String credential = value.substring(0, end).strip();
        String rest = end < value.length() ? value.substring(end + 1) : "";
        return new User(credential, split(rest));
    }

    /** Where the credential ends: the first comma, or for a PHC string the first comma after its last field starts. */
    private static int credentialEnd(String value) {
        int from = 0;
        if (value.startsWith(ARGON2_PREFIX)) {
            int dollars = 0;
            for (int i = 0; i < value.length() && dollars < PHC_DOLLARS; i++) {
                if (value.charAt(i) == '$') {
                    dollars++;
                    from = i;
                }
            }
        }
        int comma = value.indexOf(',', from);
        return comma < 0 ? value.length() : comma;
    }

    private static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    Set<String> logins() {
        return Set.copyOf(users.keySet());
    }

    Optional<User> user(String login) {
        return Optional.ofNullable(login == null ? null : users.get(login));
    }

    boolean hasGroup(String group) {
        return groups.containsKey(group);
    }

    /** The roles of a user: those named on its line and those of its groups. */
    Set<String> roles(String login) {
        Set<String> roles = new LinkedHashSet<>();
        for (String membership : user(login).map(User::memberships).orElse(List.of())) {
            if (membership.startsWith(GROUP_PREFIX)) {
                roles.addAll(groups.getOrDefault(membership.substring(GROUP_PREFIX.length()), List.of()));
            } else {
                roles.add(membership);
            }
        }
        return roles;
    }

    /** The groups a user belongs to. */
    Set<String> groups(String login) {
        Set<String> names = new LinkedHashSet<>();
        for (String membership : user(login).map(User::memberships).orElse(List.of())) {
            if (membership.startsWith(GROUP_PREFIX)) {
                names.add(membership.substring(GROUP_PREFIX.length()));
            }
        }
        return names;
    }

    /** Adds the users and groups of another file that this one does not have yet. */
    void addMissing(UsersFile other) {
        other.users.forEach(users::putIfAbsent);
        other.groups.forEach(groups::putIfAbsent);
    }

    void putUser(String login, User user) {
        users.put(login, user);
    }

    void putGroup(String group, List<String> roles) {
        groups.put(group, List.copyOf(roles));
    }

    /**
     * Writes the whole file next to its place with the owner's permissions only, then moves it in
     * in one step: a reader never sees half a file, and the file is never readable by others, not
     * even for a moment.
     */
    void write(Path file) throws IOException {
        write(file, "# Attesta platform administrators: login = Argon2id hash,_g_:group\n"
                + "# Written by Attesta; readable by the owner only. See docs/admin-guide.md.\n");
    }

    void write(Path file, String header) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path copy = createOwnerOnly(directory);
        try {
            Files.writeString(copy, header + render(), StandardCharsets.UTF_8);
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(copy);
        }
        restrict(file);
    }

    /** Makes an existing file readable by its owner only (no-op where the file system has no POSIX permissions). */
    static void restrict(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }

    private static Path createOwnerOnly(Path directory) throws IOException {
        try {
            return Files.createTempFile(directory, "users", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(directory, "users", ".tmp");
        }
    }

    private String render() {
        StringBuilder text = new StringBuilder();
        users.forEach((login, user) -> {
            List<String> parts = new ArrayList<>();
            parts.add(user.credential());
            parts.addAll(user.memberships());
            text.append(escapeKey(login)).append(" = ").append(escapeValue(String.join(",", parts))).append('\n');
        });
        groups.forEach((group, roles) -> {
            List<String> parts = new ArrayList<>();
            parts.add("group");
            parts.addAll(roles);
            text.append(escapeKey(GROUP_PREFIX + group)).append(" = ").append(escapeValue(String.join(",", parts)))
                    .append('\n');
        });
        return text.toString();
    }

    private static String escapeKey(String key) {
        StringBuilder escaped = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == ':' || c == '=' || c == ' ' || c == '#' || c == '!' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String escapeValue(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}

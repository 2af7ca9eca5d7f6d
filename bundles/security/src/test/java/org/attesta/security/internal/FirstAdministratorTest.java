package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdministratorTest {
    @TempDir
    Path data;

    private final FakeEngine engine = new FakeEngine();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void generatedPasswordIsPrintedOnceAndWrittenForTheOwnerOnly() throws Exception {
        assertTrue(administrator(null).ensure());

        Path file = data.resolve("admin-password.txt");
        String password = Files.readString(file).strip();
        assertEquals(20, password.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(printed().contains(password));
        assertEquals(password, engine.passwords.get("admin"));
        assertEquals(List.of("admingroup"), engine.userGroups.get("admin"));
        assertTrue(engine.groupRoles.get("admingroup").containsAll(List.of("admin", "ssh", "attesta")));
    }

    @Test
    void suppliedPasswordIsUsedAndNeitherPrintedNorWritten() throws Exception {
        assertTrue(administrator("a-long-enough-secret").ensure());

        assertEquals("a-long-enough-secret", engine.passwords.get("admin"));
        assertFalse(printed().contains("a-long-enough-secret"));
        assertFalse(Files.exists(data.resolve("admin-password.txt")));
    }

    @Test
    void existingAdministratorIsLeftAlone() throws Exception {
        engine.addUser("admin", "old");

        assertFalse(administrator("a-long-enough-secret").ensure());

        assertEquals("old", engine.passwords.get("admin"));
        assertEquals("", printed());
    }

    @Test
    void shortSuppliedPasswordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> administrator("short").ensure());
        assertTrue(engine.passwords.isEmpty());
    }

    private FirstAdministrator administrator(String supplied) {
        return new FirstAdministrator(engine, defaults(), supplied, data,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static AdminBootstrap.Config defaults() {
        return new AdminBootstrap.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AdminBootstrap.Config.class;
            }

            @Override
            public String realm() {
                return "karaf";
            }

            @Override
            public String user() {
                return "admin";
            }

            @Override
            public String group() {
                return "admingroup";
            }

            @Override
            public String[] roles() {
                return new String[] {"admin", "manager", "viewer", "systembundles", "ssh", "attesta"};
            }

            @Override
            public String password_file() {
                return "admin-password.txt";
            }
        };
    }

    /** An in-memory realm with just what the bootstrap uses. */
    private static final class FakeEngine implements BackingEngine {
        final Map<String, String> passwords = new LinkedHashMap<>();
        final Map<String, List<String>> userGroups = new LinkedHashMap<>();
        final Map<String, List<String>> groupRoles = new LinkedHashMap<>();

        @Override
        public void addUser(String username, String password) {
            passwords.put(username, password);
        }

        @Override
        public void deleteUser(String username) {
            passwords.remove(username);
        }

        @Override
        public List<UserPrincipal> listUsers() {
            return passwords.keySet().stream().map(UserPrincipal::new).toList();
        }

        @Override
        public UserPrincipal lookupUser(String username) {
            return passwords.containsKey(username) ? new UserPrincipal(username) : null;
        }

        @Override
        public List<GroupPrincipal> listGroups(UserPrincipal user) {
            return userGroups.getOrDefault(user.getName(), List.of()).stream().map(GroupPrincipal::new).toList();
        }

        @Override
        public Map<GroupPrincipal, String> listGroups() {
            Map<GroupPrincipal, String> groups = new LinkedHashMap<>();
            groupRoles.forEach((group, roles) -> groups.put(new GroupPrincipal(group), String.join(",", roles)));
            return groups;
        }

        @Override
        public void addGroup(String username, String group) {
            userGroups.computeIfAbsent(username, u -> new ArrayList<>()).add(group);
        }

        @Override
        public void createGroup(String group) {
            groupRoles.put(group, new ArrayList<>());
        }

        @Override
        public void deleteGroup(String username, String group) {
            userGroups.getOrDefault(username, new ArrayList<>()).remove(group);
        }

        @Override
        public List<RolePrincipal> listRoles(Principal principal) {
            return List.of();
        }

        @Override
        public void addRole(String username, String role) {
        }

        @Override
        public void deleteRole(String username, String role) {
        }

        @Override
        public void addGroupRole(String group, String role) {
            groupRoles.get(group).add(role);
        }

        @Override
        public void deleteGroupRole(String group, String role) {
            groupRoles.get(group).remove(role);
        }
    }
}

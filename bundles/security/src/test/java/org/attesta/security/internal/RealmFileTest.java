package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmFileTest {
    @TempDir
    Path etc;

    private final List<String> filesWrittenByTheEngine = new ArrayList<>();

    @Test
    void changesAreMadeOnACopyAndMovedIntoPlaceWhole() throws Exception {
        Path users = Files.writeString(etc.resolve("users.properties"), "# shipped\n");

        realm(users).update(engine -> {
            engine.createGroup("admingroup");
            engine.addUser("admin", "secret");
            return true;
        });

        assertEquals("# shipped\n_g_:admingroup\nadmin\n", Files.readString(users));
        assertEquals(1, filesWrittenByTheEngine.stream().distinct().count());
        assertNotEquals(users.toString(), filesWrittenByTheEngine.get(0), "the engine never writes the live file");
        try (var left = Files.list(etc)) {
            assertEquals(List.of(users), left.toList(), "no copy is left behind");
        }
    }

    @Test
    void nothingChangesWhenThereIsNothingToDo() throws Exception {
        Path users = Files.writeString(etc.resolve("users.properties"), "admin = {CRYPT}x{CRYPT}\n");

        realm(users).update(engine -> {
            engine.addUser("someone", "ignored");
            return false;
        });

        assertEquals("admin = {CRYPT}x{CRYPT}\n", Files.readString(users));
    }

    private AdminBootstrap.RealmFile realm(Path users) {
        return new AdminBootstrap.RealmFile(users, Map.of("users", users.toString(), "encryption.enabled", "true"),
                new LineWritingFactory());
    }

    /** An engine that appends one line per change to the file it is given, as Karaf's saves after each change. */
    private final class LineWritingFactory implements BackingEngineFactory {
        @Override
        public String getModuleClass() {
            return "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
        }

        @Override
        public BackingEngine build(Map<String, ?> options) {
            Path file = Path.of(options.get("users").toString());
            return (BackingEngine) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {BackingEngine.class}, (proxy, method, args) -> {
                        String line = switch (method.getName()) {
                            case "createGroup" -> "_g_:" + args[0];
                            case "addUser" -> args[0].toString();
                            default -> null;
                        };
                        if (line != null) {
                            filesWrittenByTheEngine.add(file.toString());
                            try {
                                Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        return null;
                    });
        }
    }
}

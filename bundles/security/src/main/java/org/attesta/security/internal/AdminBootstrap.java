package org.attesta.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Creates the first platform administrator when the realm has none, so the distribution
 * never ships with a default password. The password comes from ATTESTA_ADMIN_PASSWORD, or is
 * generated, written to a file under data/ readable by the owner only, and printed once.
 * The realm stores it hashed (etc/org.apache.karaf.jaas.cfg enables encryption).
 */
@Component(immediate = true, configurationPid = "org.attesta.security.bootstrap")
@Designate(ocd = AdminBootstrap.Config.class)
public class AdminBootstrap {

    @ObjectClassDefinition(name = "Attesta first administrator")
    public @interface Config {
        @AttributeDefinition(description = "JAAS realm that holds the platform administrators")
        String realm() default "karaf";

        @AttributeDefinition(description = "Login of the first administrator")
        String user() default "admin";

        @AttributeDefinition(description = "Group that grants the administrator roles")
        String group() default "admingroup";

        @AttributeDefinition(description = "Roles of that group")
        String[] roles() default {"admin", "manager", "viewer", "systembundles", "ssh", "attesta"};

        @AttributeDefinition(description = "File under the data directory that receives a generated password")
        String password_file() default "admin-password.txt";
    }

    static final String PASSWORD_VARIABLE = "ATTESTA_ADMIN_PASSWORD";
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    private static final String PROXIED_MODULE_OPTION = "org.apache.karaf.jaas.module";
    private static final String USERS_OPTION = "users";
    private static final System.Logger LOG = System.getLogger(AdminBootstrap.class.getName());

    @Activate
    public AdminBootstrap(Config config,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<BackingEngineFactory> factories) throws IOException {
        Optional<RealmFile> realm = realmFile(config.realm(), realms, factories);
        if (realm.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "No properties login module in realm {0}; no administrator created",
                    config.realm());
            return;
        }
        realm.get().update(engine -> new FirstAdministrator(engine, config, System.getenv(PASSWORD_VARIABLE),
                dataDirectory(), System.out).ensure());
    }

    /** The users file of a realm's properties module, and how to build a backing engine on a file. */
    record RealmFile(Path file, Map<String, ?> options, BackingEngineFactory factory) {

        /**
         * Applies the changes to a copy of the users file and moves it into place in one step.
         * The realm's login module reads the file on every login and writes it back when it finds
         * a password it takes for plain text; reading a file half-written by the engine (which
         * saves after every single change) can make it write back a broken one.
         */
        void update(Change change) throws IOException {
            Path copy = Files.createTempFile(file.toAbsolutePath().getParent(), "users", ".tmp");
            try {
                if (Files.exists(file)) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                Map<String, Object> onCopy = new HashMap<>(options);
                onCopy.put(USERS_OPTION, copy.toString());
                if (change.apply(factory.build(onCopy))) {
                    Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    @FunctionalInterface
    interface Change {
        /** @return whether anything changed */
        boolean apply(BackingEngine engine) throws IOException;
    }

    private static Optional<RealmFile> realmFile(String realmName, List<JaasRealm> realms,
            List<BackingEngineFactory> factories) {
        for (JaasRealm realm : realms) {
            if (!realm.getName().equals(realmName)) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                // Karaf wraps each module in a proxy and names the real one in an option.
                Object module = entry.getOptions().get(PROXIED_MODULE_OPTION);
                Object users = entry.getOptions().get(USERS_OPTION);
                if (!PROPERTIES_MODULE.equals(module == null ? entry.getLoginModuleName() : module) || users == null) {
                    continue;
                }
                for (BackingEngineFactory factory : factories) {
                    if (PROPERTIES_MODULE.equals(factory.getModuleClass())) {
                        return Optional.of(new RealmFile(Path.of(users.toString()), entry.getOptions(), factory));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Path dataDirectory() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }
}

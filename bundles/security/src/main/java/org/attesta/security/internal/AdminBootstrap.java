package org.attesta.security.internal;

import java.io.IOException;
import java.nio.file.Path;
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
    private static final System.Logger LOG = System.getLogger(AdminBootstrap.class.getName());

    @Activate
    public AdminBootstrap(Config config,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<BackingEngineFactory> factories) throws IOException {
        Optional<BackingEngine> engine = engine(config.realm(), realms, factories);
        if (engine.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "No properties login module in realm {0}; no administrator created",
                    config.realm());
            return;
        }
        new FirstAdministrator(engine.get(), config, System.getenv(PASSWORD_VARIABLE), dataDirectory(), System.out)
                .ensure();
    }

    private static Optional<BackingEngine> engine(String realmName, List<JaasRealm> realms,
            List<BackingEngineFactory> factories) {
        for (JaasRealm realm : realms) {
            if (!realm.getName().equals(realmName)) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                // Karaf wraps each module in a proxy and names the real one in an option.
                Object module = entry.getOptions().get(PROXIED_MODULE_OPTION);
                if (!PROPERTIES_MODULE.equals(module == null ? entry.getLoginModuleName() : module)) {
                    continue;
                }
                for (BackingEngineFactory factory : factories) {
                    if (PROPERTIES_MODULE.equals(factory.getModuleClass())) {
                        return Optional.of(factory.build(entry.getOptions()));
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

package org.attesta.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Creates the first platform administrator when there is none, so the distribution never ships
 * with a default password. The password comes from ATTESTA_ADMIN_PASSWORD, or is generated,
 * written to a file under data/ readable by the owner only, and printed once. It is stored as an
 * Argon2id hash in the platform administrators' file (etc/platform-administrators.properties), kept
 * readable by the owner only, like the other credential files under etc/.
 */
@Component(immediate = true, configurationPid = "org.attesta.security.bootstrap")
@Designate(ocd = AdminBootstrap.Config.class)
public class AdminBootstrap {

    @ObjectClassDefinition(name = "Attesta first administrator")
    public @interface Config {
        @AttributeDefinition(description = "Login of the first administrator")
        String user() default "admin";

        @AttributeDefinition(description = "Group that grants the administrator roles")
        String group() default "admingroup";

        @AttributeDefinition(description = "Roles of that group")
        String[] roles() default {"admin", "manager", "viewer", "systembundles", "ssh", "attesta"};

        @AttributeDefinition(description = "File under the data directory that receives a generated password")
        String password_file() default "admin-password.txt";

        @AttributeDefinition(description = "Credential files under etc that are made readable by the owner only")
        String[] owner_only_files() default {"keys.properties", "host.key"};
    }

    static final String PASSWORD_VARIABLE = "ATTESTA_ADMIN_PASSWORD";
    private static final System.Logger LOG = System.getLogger(AdminBootstrap.class.getName());

    @Activate
    public AdminBootstrap(Config config, @Reference PlatformAccounts administrators) throws IOException {
        if (administrators.moveKarafUsers()) {
            LOG.log(System.Logger.Level.INFO, "Attesta: the users of etc/users.properties were moved to "
                    + administrators.file().getFileName() + "; their SHA-512 passwords are re-hashed at the next sign-in");
        }
        new FirstAdministrator(administrators, config, System.getenv(PASSWORD_VARIABLE), dataDirectory(), System.out)
                .ensure();
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        for (String file : config.owner_only_files()) {
            UsersFile.restrict(etc.resolve(file));
        }
        administrators.restrictFiles();
        UsersFile.restrict(dataDirectory().resolve(config.password_file()));
    }

    private static Path dataDirectory() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }
}

package org.attesta.security.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.security.CallerContext;

/** The sign-in and account services of one node on a test database, wired as the bundle's components are. */
final class SignInServices {
    final StaffAuthentication authentication;
    final StaffAccounts accounts;

    /**
     * @param config settings of {@link StaffAuthentication.Config} by method name ({@code lockout_failures})
     */
    SignInServices(DataSource dataSource, Map<String, Object> config, Passwords passwords, PlatformAccounts platform,
            SmallRegistry registry, AuditLog audit, CallerContext callers, Clock clock) {
        Database database = new Database(dataSource);
        authentication = new StaffAuthentication(Configs.of(StaffAuthentication.Config.class, config), database,
                passwords, audit, callers, registry, platform, new SecureRandom(), clock);
        accounts = new StaffAccounts(database, passwords, new RoleBasedAccessPolicy(callers), callers, registry,
                registry, audit, authentication, platform, clock);
    }

    /** Argon2id at the default cost, with a fresh data key. */
    static Passwords passwords() {
        return new Passwords(Configs.of(Passwords.Config.class, Map.of()), keys());
    }

    static KeyRing keys() {
        return new KeyRing(SecretKeys.of(new SecureRandom().generateSeed(32)));
    }

    /** No platform administrators at all (a file that does not exist), `admin` reserved. */
    static PlatformAccounts noAdministrators(Passwords passwords) {
        return new PlatformAccounts(Path.of("target/no-platform-administrators.properties"), Set.of("admin"),
                passwords);
    }
}

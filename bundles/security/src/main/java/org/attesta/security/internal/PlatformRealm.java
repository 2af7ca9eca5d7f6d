package org.attesta.security.internal;

import java.util.Map;
import java.util.Set;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.TooManyRequestsException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Karaf realm ({@code karaf}, used by SSH, {@code bin/client} and anything else that signs in
 * through JAAS) served by Attesta: the same administrators' file, Argon2id check, throttle and
 * audit as HTTP Basic. Karaf picks the realm of a name with the highest rank, so this one
 * replaces Karaf's properties realm (rank 0) while the security bundle runs.
 */
@Component(service = JaasRealm.class, immediate = true, configurationPid = "org.attesta.security.realm")
@Designate(ocd = PlatformRealm.Config.class)
public class PlatformRealm implements JaasRealm {

    @ObjectClassDefinition(name = "Attesta Karaf realm")
    public @interface Config {
        @AttributeDefinition(description = "Name of the JAAS realm to serve (org.apache.karaf.shell.cfg sshRealm)")
        String realm() default "karaf";

        @AttributeDefinition(description = "Rank of the realm; Karaf's own properties realm has rank 0")
        int rank() default 100;
    }

    static final String SIGN_IN_OPTION = "org.attesta.security.signin";

    private final String name;
    private final int rank;
    private final AppConfigurationEntry entry;

    @Activate
    public PlatformRealm(Config config, BundleContext context, @Reference StaffAuthentication authentication) {
        this.name = config.realm();
        this.rank = config.rank();
        PlatformLoginModule.SignIn signIn = (login, password, address, via) -> signIn(authentication, login,
                password, address, via);
        // Karaf loads a realm's module through its proxy, from the bundle named in the options.
        this.entry = new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of(ProxyLoginModule.PROPERTY_MODULE, PlatformLoginModule.class.getName(),
                        ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()),
                        SIGN_IN_OPTION, signIn));
    }

    static PlatformAccounts.Administrator signIn(StaffAuthentication authentication, String login, char[] password,
            String address, String via) throws LoginException {
        try {
            return authentication.checkPlatformAdministrator(login, password, address, via, Set.of());
        } catch (TooManyRequestsException e) {
            throw new AccountLockedException(e.getMessage());
        } catch (AuthenticationException e) {
            throw new FailedLoginException(e.getMessage());
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getRank() {
        return rank;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return new AppConfigurationEntry[] {entry};
    }
}

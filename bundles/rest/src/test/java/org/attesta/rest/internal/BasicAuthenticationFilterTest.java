package org.attesta.rest.internal;

import static org.attesta.rest.internal.AttestaExceptionMapperTest.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BasicAuthenticationFilterTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class ParsingTheHeader {

        @Test
        void validHeaderGivesUserAndPassword() {
            assertEquals(new BasicAuthenticationFilter.Credentials("anna", "secret"),
                    BasicAuthenticationFilter.Credentials.parse(basic("anna:secret")));
        }

        @Test
        void schemeIsCaseInsensitiveAndSpacesAroundTheTokenAreIgnored() {
            String token = Base64.getEncoder().encodeToString("anna:secret".getBytes(StandardCharsets.UTF_8));

            assertEquals(new BasicAuthenticationFilter.Credentials("anna", "secret"),
                    BasicAuthenticationFilter.Credentials.parse("bAsIc   " + token + "  "));
        }

        @Test
        void utf8UserAndPasswordAreDecoded() {
            assertEquals(new BasicAuthenticationFilter.Credentials("Иванова", "пароль№1"),
                    BasicAuthenticationFilter.Credentials.parse(basic("Иванова:пароль№1")));
        }

        @Test
        void passwordMayHoldColons() {
            assertEquals(new BasicAuthenticationFilter.Credentials("anna", "a:b::c:"),
                    BasicAuthenticationFilter.Credentials.parse(basic("anna:a:b::c:")));
        }

        @Test
        void passwordMayBeEmpty() {
            assertEquals(new BasicAuthenticationFilter.Credentials("anna", ""),
                    BasicAuthenticationFilter.Credentials.parse(basic("anna:")));
        }

        @Test
        void missingHeaderGivesNone() {
            assertNull(BasicAuthenticationFilter.Credentials.parse(null));
            assertNull(BasicAuthenticationFilter.Credentials.parse(""));
        }

        @Test
        void otherSchemesGiveNone() {
            assertNull(BasicAuthenticationFilter.Credentials.parse("Bearer eyJhbGciOiJIUzI1NiJ9"));
            assertNull(BasicAuthenticationFilter.Credentials.parse("Digest username=\"anna\""));
            assertNull(BasicAuthenticationFilter.Credentials.parse("Basic"));
            assertNull(BasicAuthenticationFilter.Credentials.parse("Basically " + basic("anna:secret").substring(6)));
        }

        @Test
        void tokenThatIsNotBase64GivesNone() {
            assertNull(BasicAuthenticationFilter.Credentials.parse("Basic ***not base64***"));
            assertNull(BasicAuthenticationFilter.Credentials.parse("Basic YW5u=YTpzZWNyZXQ="));
        }

        @Test
        void tokenWithoutAColonGivesNone() {
            assertNull(BasicAuthenticationFilter.Credentials.parse(basic("annasecret")));
        }

        @Test
        void emptyUserGivesNone() {
            assertNull(BasicAuthenticationFilter.Credentials.parse(basic(":secret")));
            assertNull(BasicAuthenticationFilter.Credentials.parse("Basic "));
        }

        @Test
        void toStringShowsTheUserButNeverThePassword() {
            BasicAuthenticationFilter.Credentials credentials =
                    BasicAuthenticationFilter.Credentials.parse(basic("anna:Tr0ub4dor&3"));

            assertEquals("Credentials[anna]", credentials.toString());
            assertFalse(credentials.toString().contains("Tr0ub4dor"));
        }
    }

    /** The whole filter against a JAAS realm of this test. */
    @Nested
    class Filtering {
        private static final String REALM = "attesta-rest-test";
        private Configuration previous;

        @BeforeEach
        void installRealm() {
            try {
                previous = Configuration.getConfiguration();
            } catch (SecurityException e) {
                previous = null;
            }
            Configuration.setConfiguration(new Configuration() {
                @Override
                public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                    return REALM.equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                            TestLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                            Map.of())} : null;
                }
            });
        }

        @AfterEach
        void restoreRealm() {
            Configuration.setConfiguration(previous);
        }

        @Test
        void requestWithoutCredentialsIsChallenged() {
            FakeRequest request = new FakeRequest(null);

            filter("admin", "attesta").filter(request.context());

            Response aborted = request.aborted;
            assertNotNull(aborted);
            assertEquals(401, aborted.getStatus());
            assertEquals("Basic realm=\"Attesta\", charset=\"UTF-8\"", aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
            assertEquals("application/problem+json", aborted.getHeaderString(HttpHeaders.CONTENT_TYPE));
            assertEquals("urn:attesta:problem:unauthorized", body(aborted).get("type"));
            assertEquals("Требуется вход", body(aborted).get("title"));
            assertEquals("Войдите: запрос к API требует имя пользователя и пароль (HTTP Basic)",
                    body(aborted).get("detail"));
            assertNull(request.securityContext);
        }

        @Test
        void wrongPasswordIsChallengedWithoutSayingWhichPartWasWrong() {
            FakeRequest request = new FakeRequest(basic("anna:wrong"));

            filter("admin", "attesta").filter(request.context());

            assertEquals(401, request.aborted.getStatus());
            assertEquals("Неверное имя пользователя или пароль", body(request.aborted).get("detail"));
            assertEquals("Basic realm=\"Attesta\", charset=\"UTF-8\"",
                    request.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        }

        @Test
        void userWithoutAnAllowedRoleIsForbidden() {
            FakeRequest request = new FakeRequest(basic("olga:secret"));

            filter("admin", "attesta").filter(request.context());

            assertEquals(403, request.aborted.getStatus());
            assertEquals("urn:attesta:problem:forbidden", body(request.aborted).get("type"));
            assertEquals("Недостаточно прав", body(request.aborted).get("title"));
            assertEquals("У пользователя olga нет доступа к API", body(request.aborted).get("detail"));
            assertNull(request.aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        }

        @Test
        void userWithAnAllowedRolePassesWithASecurityContext() {
            FakeRequest request = new FakeRequest(basic("anna:secret"));

            filter("admin", "attesta").filter(request.context());

            assertNull(request.aborted);
            SecurityContext security = request.securityContext;
            assertEquals("anna", security.getUserPrincipal().getName());
            assertTrue(security.isUserInRole("attesta"));
            assertFalse(security.isUserInRole("admin"));
            assertTrue(security.isSecure());
            assertEquals(SecurityContext.BASIC_AUTH, security.getAuthenticationScheme());
        }

        @Test
        void changedRolesApplyToTheNextRequest() {
            BasicAuthenticationFilter filter = filter("admin", "attesta");
            filter.modified(config(REALM, "viewer"));
            FakeRequest olga = new FakeRequest(basic("olga:secret"));
            FakeRequest anna = new FakeRequest(basic("anna:secret"));

            filter.filter(olga.context());
            filter.filter(anna.context());

            assertNull(olga.aborted);
            assertEquals(403, anna.aborted.getStatus());
        }

        @Test
        void unknownRealmRefusesEveryone() {
            FakeRequest request = new FakeRequest(basic("anna:secret"));

            new BasicAuthenticationFilter(config("no-such-realm", "attesta")).filter(request.context());

            assertEquals(401, request.aborted.getStatus());
            assertEquals("Неверное имя пользователя или пароль", body(request.aborted).get("detail"));
        }

        private BasicAuthenticationFilter filter(String... roles) {
            return new BasicAuthenticationFilter(config(REALM, roles));
        }
    }

    private static BasicAuthenticationFilter.Config config(String realm, String... roles) {
        return new BasicAuthenticationFilter.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BasicAuthenticationFilter.Config.class;
            }

            @Override
            public String realm() {
                return realm;
            }

            @Override
            public String[] roles() {
                return roles;
            }
        };
    }

    /** A request with one Authorization header, remembering how the filter answered it. */
    private static final class FakeRequest {
        private final String authorization;
        Response aborted;
        SecurityContext securityContext;

        FakeRequest(String authorization) {
            this.authorization = authorization;
        }

        ContainerRequestContext context() {
            SecurityContext secure = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isSecure" -> true;
                        case "isUserInRole" -> false;
                        default -> null;
                    });
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getHeaderString":
                                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase((String) args[0]) ? authorization : null;
                            case "abortWith":
                                aborted = (Response) args[0];
                                return null;
                            case "getSecurityContext":
                                return securityContext != null ? securityContext : secure;
                            case "setSecurityContext":
                                securityContext = (SecurityContext) args[0];
                                return null;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    /** anna/secret has role attesta, olga/secret has role viewer; anything else fails. */
    public static final class TestLoginModule implements LoginModule {
        private static final Map<String, String> ROLES = Map.of("anna", "attesta", "olga", "viewer");
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!ROLES.containsKey(name.getName()) || !"secret".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("bad credentials");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            Principal role = new RolePrincipal(ROLES.get(user));
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(role);
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }
}

package org.attesta.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.School;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.AccountQuery;
import org.attesta.api.security.BulkIssueRequest;
import org.attesta.api.security.Caller;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.api.security.Session;
import org.attesta.persistence.testing.MigratedDerby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A grant is bound to its school, not to the school's code or municipality at the time it was
 * made: when the registry moves or renames a school, power over it and its accounts moves too.
 */
class GrantsFollowTheRegistryTest {
    private static final String ADDRESS = "192.0.2.20";

    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(callers);
    private final RecordingAudit audit = new RecordingAudit(callers);
    private final SmallRegistry registry = new SmallRegistry();
    private MigratedDerby db;
    private StaffAuthentication authentication;
    private StaffAuthentication otherNode;
    private StaffAccounts accounts;

    @BeforeEach
    void start() throws Exception {
        db = new MigratedDerby("grants-test");
        Passwords passwords = SignInServices.passwords();
        PlatformAccounts platform = SignInServices.noAdministrators(passwords);
        SignInServices node = new SignInServices(db.dataSource(), Map.of(), passwords, platform, registry, audit,
                callers, Clock.systemUTC());
        authentication = node.authentication;
        accounts = node.accounts;
        otherNode = new SignInServices(db.dataSource(), Map.of(), passwords, platform, registry, audit, callers,
                Clock.systemUTC()).authentication;
        asAdmin(() -> accounts.issueForTerritory(new BulkIssueRequest(Set.of(Role.MUNICIPAL_SPECIALIST,
                Role.RESPONSIBLE_ORGANIZER), null)));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aSchoolMovedToAnotherMunicipalityTakesItsAccountsWithIt() {
        Caller oldMunicipality = signedIn("mo-01");
        Caller newMunicipality = signedIn("mo-02");
        registry.put(new School(1, "01001", "МБОУ СОШ № 1", "СОШ № 1", "02", null));

        callers.runAs(oldMunicipality, () -> {
            assertThrows(NotFoundException.class, () -> accounts.resetPassword("oo-01001-org"));
            assertThrows(NotFoundException.class, () -> accounts.takeCredentials("oo-01001-org"));
            assertThrows(NotFoundException.class, () -> accounts.account("oo-01001-org"));
            assertEquals(List.of("mo-01", "oo-01002-org"), logins(accounts.accounts(allAccounts()).items()),
                    "the moved school's accounts leave the old municipality's list");
            assertTrue(accounts.takePendingCredentials(null, null).stream()
                    .noneMatch(c -> c.login().equals("oo-01001-org")));
        });
        callers.runAs(newMunicipality, () -> {
            assertTrue(logins(accounts.accounts(allAccounts()).items()).contains("oo-01001-org"));
            assertTrue(accounts.resetPassword("oo-01001-org").credentialsPending());
        });
        assertEquals(Set.of("01001"), policy.scope(signedIn("oo-01001-org"), Permission.PARTICIPANTS_READ)
                .schools());
    }

    @Test
    void aRenamedSchoolKeepsItsAccountsAndANewSchoolWithTheOldCodeGetsNone() {
        Caller organizer = signedIn("oo-01001-org");
        registry.put(new School(1, "01009", "МБОУ СОШ № 1 им. Пушкина", "СОШ № 1", "01", null));
        registry.put(new School(5, "01001", "Новая школа", null, "01", null));

        Caller now = authentication.session(sessionOf("oo-01001-org").token(), ADDRESS).orElseThrow().caller();
        AccessScope scope = policy.scope(now, Permission.PARTICIPANTS_READ);
        assertEquals(Set.of("01009"), scope.schools(), "the grant follows its school to the new code");
        assertEquals(List.of(new RoleGrant(Role.RESPONSIBLE_ORGANIZER, Scope.school("01009"))),
                asAdmin(() -> accounts.account("oo-01001-org")).grants());
        assertEquals(Set.of("01001"), policy.scope(organizer, Permission.PARTICIPANTS_READ).schools(),
                "the caller of the earlier request still names the code of its time");
        asAdmin(() -> accounts.issue(new AccountDraft("new-school-org", "Организатор новой школы",
                List.of(new RoleGrant(Role.RESPONSIBLE_ORGANIZER, Scope.school("01001"))))));
        assertEquals(List.of("new-school-org"), logins(asAdmin(() -> accounts.accounts(new AccountQuery(null, null,
                "01001", null, null, PageRequest.first()))).items()));
    }

    @Test
    void aGrantWhoseSchoolIsGoneHoldsNothing() {
        Session session = sessionOf("oo-02001-org");
        registry.schools.removeIf(s -> s.id() == 3);
        Caller now = authentication.session(session.token(), ADDRESS).orElseThrow().caller();
        assertTrue(now.grants().isEmpty());
        assertTrue(policy.permissions(now).isEmpty());
        callers.runAs(signedIn("mo-02"), () -> assertThrows(NotFoundException.class,
                () -> accounts.resetPassword("oo-02001-org")));
    }

    @Test
    void aScriptsRememberedPasswordTakesTheGrantsOfNowAndEndsWithAResetOnAnotherNode() {
        sessionOf("oo-01001-org");
        char[] password = passwordOf("oo-01001-org");
        assertEquals(Set.of("01001"), policy.scope(otherNode.authenticate("oo-01001-org", password, ADDRESS),
                Permission.PARTICIPANTS_READ).schools());
        registry.put(new School(1, "01009", "МБОУ СОШ № 1", "СОШ № 1", "01", null));
        assertEquals(Set.of("01009"), policy.scope(otherNode.authenticate("oo-01001-org", password, ADDRESS),
                Permission.PARTICIPANTS_READ).schools(), "a remembered password gets the grants of this request");

        asAdmin(() -> accounts.resetPassword("oo-01001-org"));

        assertThrows(org.attesta.api.common.AuthenticationException.class,
                () -> otherNode.authenticate("oo-01001-org", password, ADDRESS),
                "the other node does not accept the old password it remembered");
    }

    private static char[] passwordOf(String login) {
        return ("Пароль-территории-" + login.hashCode() + "-длинный").toCharArray();
    }

    private Caller signedIn(String login) {
        return sessionOf(login).caller();
    }

    private final Map<String, Session> sessions = new java.util.HashMap<>();

    /** Signs an issued account in with a password of its own (after the one-time password). */
    private Session sessionOf(String login) {
        return sessions.computeIfAbsent(login, l -> {
            String oneTime = asAdmin(() -> {
                accounts.resetPassword(l);
                return accounts.takeCredentials(l).oneTimePassword();
            });
            Session first = authentication.login(l, oneTime.toCharArray(), ADDRESS);
            char[] chosen = passwordOf(l);
            callers.runAs(first.caller(), () -> accounts.changePassword(oneTime.toCharArray(), chosen.clone()));
            return authentication.login(l, chosen, ADDRESS);
        });
    }

    private <T> T asAdmin(Supplier<T> work) {
        return callers.callAs(Caller.platformAdministrator("admin", ADDRESS), work);
    }

    private static AccountQuery allAccounts() {
        return new AccountQuery(null, null, null, null, null, PageRequest.first());
    }

    private static List<String> logins(List<Account> items) {
        return items.stream().map(Account::login).sorted().toList();
    }
}

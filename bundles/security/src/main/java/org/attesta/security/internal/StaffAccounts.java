package org.attesta.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.attesta.api.audit.AuditActions;
import org.attesta.api.audit.AuditEvent;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.common.AccessDeniedException;
import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.Municipality;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.School;
import org.attesta.api.security.AccessPolicy;
import org.attesta.api.security.AccessScope;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.AccountQuery;
import org.attesta.api.security.AccountService;
import org.attesta.api.security.AccountState;
import org.attesta.api.security.BulkIssueRequest;
import org.attesta.api.security.BulkIssueResult;
import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.attesta.api.security.CallerKind;
import org.attesta.api.security.IssuedCredentials;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.api.security.Territory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Staff accounts: issue (one by one or for a whole territory), reset, disable, and the one
 * handover of initial credentials. Each act is checked against the caller's territory and
 * audited. Nobody can give a role more than the caller may do there.
 */
@Component(service = AccountService.class)
public class StaffAccounts implements AccountService {
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final Database database;
    private final AccountStore store = new AccountStore();
    private final SessionStore sessions = new SessionStore();
    private final LoginThrottle throttle = new LoginThrottle(null, null);
    private final BulkAccounts bulk = new BulkAccounts();
    private final Passwords passwords;
    private final AccessPolicy policy;
    private final CallerContext callers;
    private final RegistryService registry;
    private final AuditLog audit;
    private final StaffAuthentication authentication;
    private final PlatformAccounts platform;
    private final Clock clock;

    @Activate
    public StaffAccounts(@Reference(target = "(osgi.jndi.service.name=attesta)") DataSource dataSource,
            @Reference Passwords passwords, @Reference AccessPolicy policy, @Reference CallerContext callers,
            @Reference RegistryService registry, @Reference AuditLog audit,
            @Reference StaffAuthentication authentication, @Reference PlatformAccounts platform) {
        this(new Database(dataSource), passwords, policy, callers, registry, audit, authentication, platform,
                Clock.systemUTC());
    }

    StaffAccounts(Database database, Passwords passwords, AccessPolicy policy, CallerContext callers,
            RegistryService registry, AuditLog audit, StaffAuthentication authentication, PlatformAccounts platform,
            Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.policy = policy;
        this.callers = callers;
        this.registry = registry;
        this.audit = audit;
        this.authentication = authentication;
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Page<Account> accounts(AccountQuery query) {
        policy.require(Permission.ACCOUNTS_READ);
        requireFilterInScope(Permission.ACCOUNTS_READ, query.municipalityCode(), query.schoolCode());
        AccessScope scope = policy.scope(Permission.ACCOUNTS_READ);
        PageRequest page = query.page() == null ? PageRequest.first() : query.page();
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            List<Account> items = new ArrayList<>();
            for (StoredAccount account : store.search(connection, query, scope, false, page.offset(), page.size())) {
                items.add(account.toAccount(throttle.lockedUntil(connection,
                        LoginThrottle.loginKey(account.login()), now)));
            }
            return new Page<>(items, store.count(connection, query, scope, false));
        });
    }

    @Override
    public Account account(String login) {
        StoredAccount account = find(login);
        requireEvery(Permission.ACCOUNTS_READ, account, false);
        return withLock(account);
    }

    @Override
    public Account issue(AccountDraft draft) {
        policy.require(Permission.ACCOUNTS_MANAGE);
        String login = checkLogin(draft.login());
        requireNotReserved(login);
        String displayName = checkDisplayName(draft.displayName());
        List<StoredAccount.Grant> grants = resolve(draft.grants());
        grants.forEach(this::requireMayGrant);
        Passwords.OneTime oneTime = passwords.newOneTimePassword();
        StoredAccount created = database.inTransaction(connection -> {
            if (store.find(connection, login).isPresent()) {
                throw new ConflictException("account-exists", "Учётная запись «" + login + "» уже существует");
            }
            return store.insert(connection, login, displayName, grants, oneTime.storedHash(), oneTime.sealed(),
                    callers.current().login(), clock.instant());
        });
        audit.record(AuditEvent.success(AuditActions.ACCOUNT_ISSUED, "account", login)
                .withChange(Map.of(), describe(created)));
        return created.toAccount(null);
    }

    @Override
    public BulkIssueResult issueForTerritory(BulkIssueRequest request) {
        policy.require(Permission.ACCOUNTS_MANAGE);
        if (request.roles().isEmpty() || !BulkAccounts.ROLES.containsAll(request.roles())) {
            throw InvalidInputException.rule("invalid-roles", "roles", "Укажите роли из списка: специалист МОУО, "
                    + "руководитель ОО, ответственный организатор, технический специалист");
        }
        List<Planned> planned = plan(request);
        Set<String> existing = database.inTransaction(connection ->
                store.existingLogins(connection, planned.stream().map(Planned::login).toList()));
        platform.reservedAmong(planned.stream().map(Planned::login).toList()).stream().findFirst()
                .ifPresent(this::requireNotReserved);
        List<Planned> fresh = planned.stream().filter(p -> !existing.contains(p.login())).toList();
        String issuer = callers.current().login();
        Instant now = clock.instant();
        List<StoredAccount> created = database.inTransaction(connection -> {
            List<StoredAccount> inserted = new ArrayList<>();
            for (Planned account : fresh) {
                Passwords.OneTime oneTime = passwords.newOneTimePassword();
                inserted.add(store.insert(connection, account.login(), account.displayName(),
                        List.of(account.grant()), oneTime.storedHash(), oneTime.sealed(), issuer, now));
            }
            return inserted;
        });
        for (StoredAccount account : created) {
            audit.record(AuditEvent.success(AuditActions.ACCOUNT_ISSUED, "account", account.login())
                    .withChange(Map.of(), describe(account)));
        }
        audit.record(AuditEvent.success(AuditActions.ACCOUNTS_BULK_ISSUED, "territory",
                request.municipalityCode() == null ? "region" : request.municipalityCode())
                .withDetail(Map.of("roles", request.roles().stream().map(Role::name).sorted()
                        .collect(Collectors.joining(",")), "issued", String.valueOf(created.size()),
                        "existing", String.valueOf(planned.size() - fresh.size()))));
        return new BulkIssueResult(created.size(), planned.size() - fresh.size());
    }

    @Override
    public Account resetPassword(String login) {
        StoredAccount account = find(login);
        requireEvery(Permission.ACCOUNTS_MANAGE, account, true);
        Passwords.OneTime oneTime = passwords.newOneTimePassword();
        database.inTransaction(connection -> {
            store.setPassword(connection, account.id(), oneTime.storedHash(), true, oneTime.sealed(), clock.instant());
            sessions.deleteForAccount(connection, account.id());
            throttle.clear(connection, account.login());
            return null;
        });
        authentication.forgetVerified();
        audit.record(AuditEvent.success(AuditActions.ACCOUNT_RESET, "account", account.login()));
        return withLock(find(login));
    }

    @Override
    public Account disable(String login) {
        StoredAccount account = find(login);
        requireEvery(Permission.ACCOUNTS_MANAGE, account, true);
        if (account.login().equals(callers.current().login())) {
            throw new ConflictException("own-account", "Нельзя отключить собственную учётную запись");
        }
        database.inTransaction(connection -> {
            store.setState(connection, account.id(), AccountState.DISABLED);
            sessions.deleteForAccount(connection, account.id());
            return null;
        });
        authentication.forgetVerified();
        audit.record(AuditEvent.success(AuditActions.ACCOUNT_DISABLED, "account", account.login())
                .withChange(Map.of("state", account.state().name()), Map.of("state", AccountState.DISABLED.name())));
        return withLock(find(login));
    }

    @Override
    public Account enable(String login) {
        StoredAccount account = find(login);
        requireEvery(Permission.ACCOUNTS_MANAGE, account, true);
        database.inTransaction(connection -> {
            store.setState(connection, account.id(), AccountState.ACTIVE);
            throttle.clear(connection, account.login());
            return null;
        });
        audit.record(AuditEvent.success(AuditActions.ACCOUNT_ENABLED, "account", account.login())
                .withChange(Map.of("state", account.state().name()), Map.of("state", AccountState.ACTIVE.name())));
        return withLock(find(login));
    }

    @Override
    public IssuedCredentials takeCredentials(String login) {
        StoredAccount account = find(login);
        requireEvery(Permission.ACCOUNTS_MANAGE, account, true);
        boolean taken = account.pendingCredential() != null
                && database.inTransaction(connection -> store.takePending(connection, account.id()));
        if (!taken) {
            throw new ConflictException("credentials-taken", "Пароль для «" + account.login() + "» уже был выдан. "
                    + "Чтобы выдать новый, сбросьте пароль.");
        }
        audit.record(AuditEvent.success(AuditActions.CREDENTIALS_VIEWED, "account", account.login()));
        return credentials(account);
    }

    @Override
    public List<IssuedCredentials> takePendingCredentials(String municipalityCode, String schoolCode) {
        policy.require(Permission.ACCOUNTS_MANAGE);
        requireFilterInScope(Permission.ACCOUNTS_MANAGE, municipalityCode, schoolCode);
        AccessScope scope = policy.scope(Permission.ACCOUNTS_MANAGE);
        AccountQuery query = new AccountQuery(null, municipalityCode, schoolCode, null, true, null);
        List<StoredAccount> taken = database.inTransaction(connection -> {
            List<StoredAccount> result = new ArrayList<>();
            for (StoredAccount account : store.search(connection, query, scope, true, 0, Integer.MAX_VALUE)) {
                if (mayActOnAll(Permission.ACCOUNTS_MANAGE, account) && store.takePending(connection, account.id())) {
                    result.add(account);
                }
            }
            return result;
        });
        List<IssuedCredentials> sheet = new ArrayList<>(taken.size());
        for (StoredAccount account : taken) {
            audit.record(AuditEvent.success(AuditActions.CREDENTIALS_VIEWED, "account", account.login())
                    .withDetail(Map.of("via", "sheet")));
            sheet.add(credentials(account));
        }
        return sheet;
    }

    @Override
    public void changePassword(char[] currentPassword, char[] newPassword) {
        Caller caller = callers.current();
        if (caller.kind() != CallerKind.STAFF) {
            throw new AccessDeniedException("Сменить пароль так может только сотрудник со своей учётной записью");
        }
        StoredAccount account = find(caller.login());
        if (!passwords.verify(currentPassword, account.passwordHash())) {
            audit.record(AuditEvent.denied(AuditActions.PASSWORD_CHANGED, "account", account.login()));
            throw new AuthenticationException("wrong-password", "Текущий пароль указан неверно");
        }
        PasswordRules.check(account.login(), newPassword);
        if (java.util.Arrays.equals(currentPassword, newPassword)) {
            throw InvalidInputException.rule("same-password", "newPassword", "Новый пароль должен отличаться от текущего");
        }
        String hash = passwords.hash(newPassword);
        database.inTransaction(connection -> {
            store.setPassword(connection, account.id(), hash, false, null, clock.instant());
            return null;
        });
        authentication.forgetVerified();
        audit.record(AuditEvent.success(AuditActions.PASSWORD_CHANGED, "account", account.login()));
    }

    private IssuedCredentials credentials(StoredAccount account) {
        return new IssuedCredentials(account.login(), account.displayName(), account.roleGrants(),
                passwords.openSealed(account.pendingCredential()));
    }

    private StoredAccount find(String login) {
        if (login == null || login.isBlank()) {
            throw new InvalidInputException("login", "Укажите имя учётной записи");
        }
        return database.inTransaction(connection -> store.find(connection, login))
                .orElseThrow(() -> new NotFoundException("Учётной записи «" + login.strip() + "» нет"));
    }

    private Account withLock(StoredAccount account) {
        Instant now = clock.instant();
        return account.toAccount(database.inTransaction(connection ->
                throttle.lockedUntil(connection, LoginThrottle.loginKey(account.login()), now)));
    }

    /**
     * Reading needs the permission for one of the account's territories; changing it needs it
     * for all of them, so that a school head cannot touch a region account that also holds a school.
     */
    private void requireEvery(Permission permission, StoredAccount account, boolean all) {
        boolean allowed = all ? mayActOnAll(permission, account)
                : account.grants().stream().anyMatch(grant -> policy.allows(permission, grant.territory()));
        if (!allowed) {
            Territory first = account.grants().isEmpty() ? Territory.region() : account.grants().get(0).territory();
            policy.require(permission, all ? firstRefused(permission, account) : first);
        }
    }

    private boolean mayActOnAll(Permission permission, StoredAccount account) {
        return !account.grants().isEmpty()
                && account.grants().stream().allMatch(grant -> policy.allows(permission, grant.territory()));
    }

    private Territory firstRefused(Permission permission, StoredAccount account) {
        return account.grants().stream().map(StoredAccount.Grant::territory)
                .filter(territory -> !policy.allows(permission, territory)).findFirst().orElse(Territory.region());
    }

    /** The caller must manage accounts there and hold every permission of the role there itself. */
    private void requireMayGrant(StoredAccount.Grant grant) {
        Territory territory = grant.territory();
        policy.require(Permission.ACCOUNTS_MANAGE, territory);
        for (Permission permission : RolePermissions.of(grant.grant().role())) {
            if (!policy.allows(permission, territory)) {
                throw new AccessDeniedException("Нельзя выдать роль, права которой шире ваших: "
                        + grant.grant().role());
            }
        }
    }

    private void requireFilterInScope(Permission permission, String municipalityCode, String schoolCode) {
        if (municipalityCode != null) {
            policy.require(permission, Territory.municipality(municipalityCode));
        }
        if (schoolCode != null) {
            School school = registry.school(schoolCode);
            policy.require(permission, Territory.school(school.municipalityCode(), school.code()));
        }
    }

    private List<StoredAccount.Grant> resolve(List<RoleGrant> grants) {
        if (grants == null || grants.isEmpty()) {
            throw InvalidInputException.rule("no-roles", "grants", "Укажите хотя бы одну роль учётной записи");
        }
        Set<RoleGrant> seen = new HashSet<>();
        List<StoredAccount.Grant> resolved = new ArrayList<>();
        for (RoleGrant grant : grants) {
            if (grant == null || !seen.add(grant)) {
                continue;
            }
            Scope scope = grant.scope();
            String municipality;
            try {
                municipality = switch (scope.level()) {
                    case REGION -> null;
                    case MUNICIPALITY -> registry.municipality(scope.code()).code();
                    case SCHOOL -> registry.school(scope.code()).municipalityCode();
                };
            } catch (NotFoundException e) {
                throw InvalidInputException.rule("unknown-scope", "grants", "Территория роли не найдена: "
                        + e.getMessage());
            }
            resolved.add(new StoredAccount.Grant(grant, municipality));
        }
        return resolved;
    }

    private List<Planned> plan(BulkIssueRequest request) {
        List<Municipality> municipalities = request.municipalityCode() == null ? registry.municipalities()
                : List.of(registry.municipality(request.municipalityCode()));
        List<Planned> planned = new ArrayList<>();
        for (Municipality municipality : municipalities) {
            if (request.roles().contains(Role.MUNICIPAL_SPECIALIST)) {
                planned.add(new Planned(BulkAccounts.municipalityLogin(municipality.code()),
                        bulk.displayName(Role.MUNICIPAL_SPECIALIST, municipality.name()),
                        new StoredAccount.Grant(new RoleGrant(Role.MUNICIPAL_SPECIALIST,
                                Scope.municipality(municipality.code())), municipality.code())));
            }
            for (School school : schoolsOf(municipality.code())) {
                for (Role role : List.of(Role.SCHOOL_HEAD, Role.RESPONSIBLE_ORGANIZER, Role.TECHNICAL_SPECIALIST)) {
                    if (request.roles().contains(role)) {
                        String name = school.shortName() == null || school.shortName().isBlank() ? school.name()
                                : school.shortName();
                        planned.add(new Planned(BulkAccounts.schoolLogin(school.code(), role),
                                bulk.displayName(role, name), new StoredAccount.Grant(
                                        new RoleGrant(role, Scope.school(school.code())), municipality.code())));
                    }
                }
            }
        }
        List<Planned> allowed = planned.stream()
                .filter(p -> policy.allows(Permission.ACCOUNTS_MANAGE, p.grant().territory())).toList();
        if (allowed.isEmpty() && !planned.isEmpty()) {
            policy.require(Permission.ACCOUNTS_MANAGE, planned.get(0).grant().territory());
        }
        allowed.forEach(p -> requireMayGrant(p.grant()));
        return allowed;
    }

    private List<School> schoolsOf(String municipalityCode) {
        List<School> schools = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<School> found = registry.schools(null, municipalityCode, new PageRequest(page, PageRequest.MAX_SIZE));
            schools.addAll(found.items());
            if (found.items().size() < PageRequest.MAX_SIZE) {
                return schools;
            }
        }
    }

    private static Map<String, String> describe(StoredAccount account) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("displayName", account.displayName());
        detail.put("grants", account.roleGrants().stream().map(g -> g.role() + "@" + g.scope())
                .collect(Collectors.joining(",")));
        return detail;
    }

    private static String checkLogin(String login) {
        String normalised = AccountStore.normalise(login);
        if (normalised == null || !LOGIN.matcher(normalised).matches()) {
            throw new InvalidInputException("login", "Имя учётной записи: от 3 до 64 латинских букв, цифр, "
                    + "«.», «-», «_», начиная с буквы или цифры");
        }
        return normalised;
    }

    /** A staff login never equals a platform administrator's, so neither can stand in for the other. */
    private void requireNotReserved(String login) {
        if (platform.isReserved(login)) {
            throw new ConflictException("reserved-login", "Имя «" + login + "» зарезервировано для администраторов "
                    + "платформы, выберите другое имя учётной записи");
        }
    }

    private static String checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("displayName", "Укажите имя или должность владельца учётной записи");
        }
        String name = displayName.strip();
        if (name.length() > 300) {
            throw new InvalidInputException("displayName", "Имя владельца длиннее 300 символов");
        }
        return name;
    }

    private record Planned(String login, String displayName, StoredAccount.Grant grant) {
    }
}

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
import org.attesta.api.common.SafeText;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.Municipality;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.School;
import org.attesta.api.registry.TerritoryDirectory;
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
    private final TerritoryDirectory territories;
    private final AuditLog audit;
    private final StaffAuthentication authentication;
    private final PlatformAccounts platform;
    private final Clock clock;

    @Activate
    public StaffAccounts(@Reference(target = "(osgi.jndi.service.name=attesta)") DataSource dataSource,
            @Reference Passwords passwords, @Reference AccessPolicy policy, @Reference CallerContext callers,
            @Reference RegistryService registry, @Reference TerritoryDirectory territories,
            @Reference AuditLog audit, @Reference StaffAuthentication authentication,
            @Reference PlatformAccounts platform) {
        this(new Database(dataSource), passwords, policy, callers, registry, territories, audit, authentication,
                platform,
                Clock.systemUTC());
    }

    StaffAccounts(Database database, Passwords passwords, AccessPolicy policy, CallerContext callers,
            RegistryService registry, TerritoryDirectory territories, AuditLog audit,
            StaffAuthentication authentication, PlatformAccounts platform, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.policy = policy;
        this.callers = callers;
        this.registry = registry;
        this.territories = territories;
        this.audit = audit;
        this.authentication = authentication;
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Page<Account> accounts(AccountQuery query) {
        policy.require(Permission.ACCOUNTS_READ);
        requireFilterInScope(Permission.ACCOUNTS_READ, query.municipalityCode(), query.schoolCode());
        AccountStore.Places scope = places(policy.scope(Permission.ACCOUNTS_READ));
        AccountStore.Places filter = filterPlaces(query.municipalityCode(), query.schoolCode());
        PageRequest page = query.page() == null ? PageRequest.first() : query.page();
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            List<StoredAccount> found = store.search(connection, query, scope, filter, false, page.offset(),
                    page.size());
            GrantPlaces places = GrantPlaces.of(territories, found);
            List<Account> items = new ArrayList<>();
            for (StoredAccount account : found) {
                items.add(account.toAccount(places, throttle.lockedUntil(connection,
                        LoginThrottle.loginKey(account.login()), now)));
            }
            return new Page<>(items, store.count(connection, query, scope, filter, false));
        });
    }

    @Override
    public Account account(String login) {
        StoredAccount account = find(login);
        GrantPlaces places = placesOf(account);
        requireEvery(Permission.ACCOUNTS_READ, account, places, false);
        return withLock(account, places);
    }

    @Override
    public Account issue(AccountDraft draft) {
        policy.require(Permission.ACCOUNTS_MANAGE);
        String login = checkLogin(draft.login());
        requireNotReserved(login);
        String displayName = checkDisplayName(draft.displayName());
        List<NewGrant> grants = resolve(draft.grants());
        grants.forEach(this::requireMayGrant);
        Passwords.OneTime oneTime = passwords.newOneTimePassword();
        StoredAccount created = database.inTransaction(connection -> {
            if (store.find(connection, login).isPresent()) {
                throw new ConflictException("account-exists", "Учётная запись «" + login + "» уже существует");
            }
            return store.insert(connection, login, displayName, grants.stream().map(NewGrant::stored).toList(),
                    oneTime.storedHash(), oneTime.sealed(), callers.current().login(), clock.instant());
        });
        GrantPlaces places = placesOf(created);
        audit.record(AuditEvent.success(AuditActions.ACCOUNT_ISSUED, "account", login)
                .withChange(Map.of(), describe(created, places)));
        return created.toAccount(places, null);
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
                        List.of(account.grant().stored()), oneTime.storedHash(), oneTime.sealed(), issuer, now));
            }
            return inserted;
        });
        GrantPlaces places = GrantPlaces.of(territories, created);
        for (StoredAccount account : created) {
            audit.record(AuditEvent.success(AuditActions.ACCOUNT_ISSUED, "account", account.login())
                    .withChange(Map.of(), describe(account, places)));
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
        requireEvery(Permission.ACCOUNTS_MANAGE, account, placesOf(account), true);
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
        requireEvery(Permission.ACCOUNTS_MANAGE, account, placesOf(account), true);
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
        requireEvery(Permission.ACCOUNTS_MANAGE, account, placesOf(account), true);
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
        requireEvery(Permission.ACCOUNTS_MANAGE, account, placesOf(account), true);
        boolean taken = account.pendingCredential() != null
                && database.inTransaction(connection -> store.takePending(connection, account.id()));
        if (!taken) {
            throw new ConflictException("credentials-taken", "Пароль для «" + account.login() + "» уже был выдан. "
                    + "Чтобы выдать новый, сбросьте пароль.");
        }
        audit.record(AuditEvent.success(AuditActions.CREDENTIALS_VIEWED, "account", account.login()));
        return credentials(account, placesOf(account));
    }

    @Override
    public List<IssuedCredentials> takePendingCredentials(String municipalityCode, String schoolCode) {
        policy.require(Permission.ACCOUNTS_MANAGE);
        requireFilterInScope(Permission.ACCOUNTS_MANAGE, municipalityCode, schoolCode);
        AccountStore.Places scope = places(policy.scope(Permission.ACCOUNTS_MANAGE));
        AccountStore.Places filter = filterPlaces(municipalityCode, schoolCode);
        AccountQuery query = new AccountQuery(null, municipalityCode, schoolCode, null, true, null);
        GrantPlaces[] places = new GrantPlaces[1];
        List<StoredAccount> taken = database.inTransaction(connection -> {
            List<StoredAccount> found = store.search(connection, query, scope, filter, true, 0, Integer.MAX_VALUE);
            places[0] = GrantPlaces.of(territories, found);
            List<StoredAccount> result = new ArrayList<>();
            for (StoredAccount account : found) {
                if (mayActOnAll(Permission.ACCOUNTS_MANAGE, account, places[0])
                        && store.takePending(connection, account.id())) {
                    result.add(account);
                }
            }
            return result;
        });
        List<IssuedCredentials> sheet = new ArrayList<>(taken.size());
        for (StoredAccount account : taken) {
            audit.record(AuditEvent.success(AuditActions.CREDENTIALS_VIEWED, "account", account.login())
                    .withDetail(Map.of("via", "sheet")));
            sheet.add(credentials(account, places[0]));
        }
        return sheet;
    }

    @Override
    public void changePassword(char[] currentPassword, char[] newPassword, String sessionToken) {
        Caller caller = callers.current();
        if (caller.kind() != CallerKind.STAFF) {
            throw new AccessDeniedException("Сменить пароль так может только сотрудник со своей учётной записью");
        }
        StoredAccount account = find(caller.login());
        authentication.checkCurrentPassword(account, currentPassword, caller.address());
        PasswordRules.check(account.login(), newPassword);
        if (java.util.Arrays.equals(currentPassword, newPassword)) {
            throw InvalidInputException.rule("same-password", "newPassword", "Новый пароль должен отличаться от текущего");
        }
        String hash = passwords.hash(newPassword);
        // In the same transaction: no other session may outlive the old password (one opened
        // with a one-time password would otherwise gain the account's full rights).
        int ended = database.inTransaction(connection -> {
            store.setPassword(connection, account.id(), hash, false, null, clock.instant());
            return sessions.deleteOthers(connection, account.id(), sessionToken);
        });
        authentication.forgetVerified();
        audit.record(AuditEvent.success(AuditActions.PASSWORD_CHANGED, "account", account.login())
                .withDetail(Map.of("sessionsEnded", String.valueOf(ended))));
    }

    private IssuedCredentials credentials(StoredAccount account, GrantPlaces places) {
        return new IssuedCredentials(account.login(), account.displayName(), places.roleGrants(account.grants()),
                passwords.openSealed(account.pendingCredential()));
    }

    private StoredAccount find(String login) {
        if (login == null || login.isBlank()) {
            throw new InvalidInputException("login", "Укажите имя учётной записи");
        }
        return database.inTransaction(connection -> store.find(connection, login))
                .orElseThrow(() -> unknownAccount(login));
    }

    private Account withLock(StoredAccount account) {
        return withLock(account, placesOf(account));
    }

    private Account withLock(StoredAccount account, GrantPlaces places) {
        Instant now = clock.instant();
        return account.toAccount(places, database.inTransaction(connection ->
                throttle.lockedUntil(connection, LoginThrottle.loginKey(account.login()), now)));
    }

    private GrantPlaces placesOf(StoredAccount account) {
        return GrantPlaces.ofGrants(territories, account.grants());
    }

    /** The places of a scope by id, so that the store never needs the registry's codes or tables. */
    private AccountStore.Places places(AccessScope scope) {
        if (scope.region()) {
            return AccountStore.Places.ALL;
        }
        Set<Long> municipalityIds = new HashSet<>();
        Set<Long> schoolIds = new HashSet<>();
        for (String code : scope.municipalities()) {
            territories.municipalityByCode(code).ifPresent(municipality -> {
                municipalityIds.add(municipality.id());
                schoolIds.addAll(territories.schoolIdsOf(municipality.id()));
            });
        }
        for (String code : scope.schools()) {
            territories.schoolByCode(code).ifPresent(school -> schoolIds.add(school.id()));
        }
        return new AccountStore.Places(false, municipalityIds, schoolIds);
    }

    /** The territory a list is filtered to, as places; every place when it names none. */
    private AccountStore.Places filterPlaces(String municipalityCode, String schoolCode) {
        if (municipalityCode == null && schoolCode == null) {
            return AccountStore.Places.ALL;
        }
        AccountStore.Places municipality = municipalityCode == null ? AccountStore.Places.ALL
                : places(new AccessScope(false, Set.of(municipalityCode), Set.of()));
        if (schoolCode == null) {
            return municipality;
        }
        Set<Long> school = territories.schoolByCode(schoolCode).map(s -> Set.of(s.id())).orElse(Set.of());
        if (!municipality.region()) {
            school = school.stream().filter(municipality.schoolIds()::contains).collect(Collectors.toSet());
        }
        return new AccountStore.Places(false, Set.of(), school);
    }

    /**
     * Reading needs the permission for one of the account's territories; changing it needs it
     * for all of them, so that a school head cannot touch a region account that also holds a school.
     */
    private void requireEvery(Permission permission, StoredAccount account, GrantPlaces places, boolean all) {
        boolean allowed = all ? mayActOnAll(permission, account, places)
                : account.grants().stream().anyMatch(grant -> policy.allows(permission, places.territory(grant)));
        if (allowed) {
            return;
        }
        Territory first = account.grants().isEmpty() ? Territory.region() : places.territory(account.grants().get(0));
        Territory refused = all ? firstRefused(permission, account, places) : first;
        if (readable(account, places) || policy.scope(Permission.ACCOUNTS_READ).isNone()) {
            policy.require(permission, refused);
        }
        // Staff who read accounts somewhere learn nothing of one they cannot read: it answers as an unknown login.
        try {
            policy.require(permission, refused);
        } catch (AccessDeniedException e) {
            throw unknownAccount(account.login());
        }
    }

    private boolean readable(StoredAccount account, GrantPlaces places) {
        return account.grants().stream()
                .anyMatch(grant -> policy.allows(Permission.ACCOUNTS_READ, places.territory(grant)));
    }

    private static NotFoundException unknownAccount(String login) {
        return new NotFoundException("Учётной записи «" + login.strip() + "» нет");
    }

    /** Territory is where each grant's school or municipality is now, not where it was when the grant was made. */
    private boolean mayActOnAll(Permission permission, StoredAccount account, GrantPlaces places) {
        return !account.grants().isEmpty() && account.grants().stream()
                .allMatch(grant -> policy.allows(permission, places.territory(grant)));
    }

    private Territory firstRefused(Permission permission, StoredAccount account, GrantPlaces places) {
        return account.grants().stream().map(places::territory)
                .filter(territory -> !policy.allows(permission, territory)).findFirst().orElse(Territory.region());
    }

    /** The caller must manage accounts there and hold every permission of the role there itself. */
    private void requireMayGrant(NewGrant grant) {
        Territory territory = grant.territory();
        policy.require(Permission.ACCOUNTS_MANAGE, territory);
        for (Permission permission : RolePermissions.of(grant.stored().role())) {
            if (!policy.allows(permission, territory)) {
                throw new AccessDeniedException("Нельзя выдать роль, права которой шире ваших: "
                        + grant.stored().role());
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

    private List<NewGrant> resolve(List<RoleGrant> grants) {
        if (grants == null || grants.isEmpty()) {
            throw InvalidInputException.rule("no-roles", "grants", "Укажите хотя бы одну роль учётной записи");
        }
        Set<RoleGrant> seen = new HashSet<>();
        List<NewGrant> resolved = new ArrayList<>();
        for (RoleGrant grant : grants) {
            if (grant != null && seen.add(grant)) {
                resolved.add(resolve(grant));
            }
        }
        return resolved;
    }

    /** Binds the grant to the stable id of the place its code names now. */
    private NewGrant resolve(RoleGrant grant) {
        Scope scope = grant.scope();
        return switch (scope.level()) {
            case REGION -> new NewGrant(StoredAccount.Grant.region(grant.role()), Territory.region());
            case MUNICIPALITY -> territories.municipalityByCode(scope.code())
                    .map(m -> NewGrant.of(grant, m))
                    .orElseThrow(() -> unknownScope("МОУО с кодом «" + scope.code() + "» нет в реестре"));
            case SCHOOL -> territories.schoolByCode(scope.code())
                    .map(s -> NewGrant.of(grant, s))
                    .orElseThrow(() -> unknownScope("ОО с кодом «" + scope.code() + "» нет в реестре"));
        };
    }

    private static InvalidInputException unknownScope(String why) {
        return InvalidInputException.rule("unknown-scope", "grants", "Территория роли не найдена: " + why);
    }

    private List<Planned> plan(BulkIssueRequest request) {
        List<Municipality> municipalities = request.municipalityCode() == null ? registry.municipalities()
                : List.of(registry.municipality(request.municipalityCode()));
        List<Planned> planned = new ArrayList<>();
        for (Municipality municipality : municipalities) {
            if (request.roles().contains(Role.MUNICIPAL_SPECIALIST)) {
                planned.add(new Planned(BulkAccounts.municipalityLogin(municipality.code()),
                        bulk.displayName(Role.MUNICIPAL_SPECIALIST, municipality.name()),
                        NewGrant.of(new RoleGrant(Role.MUNICIPAL_SPECIALIST, Scope.municipality(municipality.code())),
                                municipality)));
            }
            for (School school : schoolsOf(municipality.code())) {
                for (Role role : List.of(Role.SCHOOL_HEAD, Role.RESPONSIBLE_ORGANIZER, Role.TECHNICAL_SPECIALIST)) {
                    if (request.roles().contains(role)) {
                        String name = school.shortName() == null || school.shortName().isBlank() ? school.name()
                                : school.shortName();
                        planned.add(new Planned(BulkAccounts.schoolLogin(school.code(), role),
                                bulk.displayName(role, name),
                                NewGrant.of(new RoleGrant(role, Scope.school(school.code())), school)));
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

    private static Map<String, String> describe(StoredAccount account, GrantPlaces places) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("displayName", account.displayName());
        detail.put("grants", places.roleGrants(account.grants()).stream().map(g -> g.role() + "@" + g.scope())
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
        String name = SafeText.require("displayName", "Имя владельца", displayName).strip();
        if (name.length() > 300) {
            throw new InvalidInputException("displayName", "Имя владельца длиннее 300 символов");
        }
        return name;
    }

    private record Planned(String login, String displayName, NewGrant grant) {
    }

    /** A grant about to be stored: bound to its place's id, checked against the place's territory now. */
    private record NewGrant(StoredAccount.Grant stored, Territory territory) {
        static NewGrant of(RoleGrant grant, Municipality municipality) {
            return new NewGrant(new StoredAccount.Grant(grant.role(), grant.scope().level(), municipality.id()),
                    Territory.municipality(municipality.code()));
        }

        static NewGrant of(RoleGrant grant, School school) {
            return new NewGrant(new StoredAccount.Grant(grant.role(), grant.scope().level(), school.id()),
                    Territory.school(school.municipalityCode(), school.code()));
        }
    }
}

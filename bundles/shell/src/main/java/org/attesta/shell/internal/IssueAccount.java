package org.attesta.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.AccountService;
import org.attesta.api.security.Role;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;

@Service
@Command(scope = "attesta", name = "account-issue", description = "Issues a staff account with a one-time password; "
        + "take the password once with attesta:credentials")
public class IssueAccount extends AttestaAction {
    @Reference
    private AccountService accounts;

    @Argument(index = 0, name = "login", required = true, description = "Login (latin letters, digits, . - _)")
    private String login;

    @Argument(index = 1, name = "name", required = true, description = "The owner's name or post, in quotes")
    private String displayName;

    @Option(name = "-r", aliases = "--role", required = true, multiValued = true,
            description = "ROLE, ROLE@municipality:CODE or ROLE@school:CODE, e.g. REGION_ADMINISTRATOR or "
                    + "RESPONSIBLE_ORGANIZER@school:01001; may be repeated")
    private List<String> roles;

    @Override
    protected Object run() {
        List<RoleGrant> grants = new ArrayList<>();
        for (String role : roles) {
            grants.add(grant(role));
        }
        accounts.issue(new AccountDraft(login, displayName, grants));
        print("Учётная запись " + login + " выдана. Пароль: attesta:credentials " + login);
        return null;
    }

    static RoleGrant grant(String text) {
        String[] parts = text.strip().split("@", 2);
        Role role;
        try {
            role = Role.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Неизвестная роль «" + parts[0] + "»");
        }
        Scope scope;
        if (parts.length == 1 || parts[1].equalsIgnoreCase("region")) {
            scope = Scope.region();
        } else if (parts[1].startsWith("municipality:")) {
            scope = Scope.municipality(parts[1].substring("municipality:".length()));
        } else if (parts[1].startsWith("school:")) {
            scope = Scope.school(parts[1].substring("school:".length()));
        } else {
            throw new InvalidInputException("role", "Территория пишется region, municipality:КОД или school:КОД");
        }
        try {
            return new RoleGrant(role, scope);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Роль " + role + " нельзя привязать к " + scope);
        }
    }
}

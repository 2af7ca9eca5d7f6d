package org.attesta.shell.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.attesta.api.security.AccountService;
import org.attesta.api.security.BulkIssueRequest;
import org.attesta.api.security.BulkIssueResult;
import org.attesta.api.security.Role;

@Service
@Command(scope = "attesta", name = "accounts-issue", description = "Issues accounts for every municipality and "
        + "school at once (existing ones stay); print the passwords once with attesta:credentials --all")
public class IssueTerritoryAccounts extends AttestaAction {
    @Reference
    private AccountService accounts;

    @Option(name = "-r", aliases = "--role", multiValued = true, description = "MUNICIPAL_SPECIALIST, SCHOOL_HEAD, "
            + "RESPONSIBLE_ORGANIZER, TECHNICAL_SPECIALIST; default: all but SCHOOL_HEAD")
    private List<String> roles;

    @Option(name = "-m", aliases = "--municipality", description = "Only this municipality and its schools")
    private String municipality;

    @Override
    protected Object run() {
        Set<Role> chosen = roles == null || roles.isEmpty()
                ? EnumSet.of(Role.MUNICIPAL_SPECIALIST, Role.RESPONSIBLE_ORGANIZER, Role.TECHNICAL_SPECIALIST)
                : EnumSet.copyOf(roles.stream().map(r -> IssueAccount.grant(r.toUpperCase(Locale.ROOT) + "@region")
                        .role()).toList());
        BulkIssueResult result = accounts.issueForTerritory(new BulkIssueRequest(chosen, municipality));
        print("Выдано учётных записей: " + result.issued() + ", уже были: " + result.existing());
        return null;
    }
}

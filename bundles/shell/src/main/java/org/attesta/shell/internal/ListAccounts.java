package org.attesta.shell.internal;

import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountQuery;
import org.attesta.api.security.AccountService;

@Service
@Command(scope = "attesta", name = "accounts", description = "Lists staff accounts")
public class ListAccounts extends AttestaAction {
    @Reference
    private AccountService accounts;

    @Option(name = "-q", aliases = "--query", description = "Start of the login or a word of the name")
    private String query;

    @Option(name = "-m", aliases = "--municipality", description = "Municipality code")
    private String municipality;

    @Option(name = "--pending", description = "Only accounts whose one-time password was not handed over yet")
    private boolean pending;

    @Option(name = "--page", description = "Page number, from 0")
    private int page;

    @Option(name = "--size", description = "Accounts per page")
    private int size = PageRequest.DEFAULT_SIZE;

    @Override
    protected Object run() {
        Page<Account> found = accounts.accounts(new AccountQuery(query, municipality, null, null,
                pending ? Boolean.TRUE : null, new PageRequest(page, size)));
        ShellTable table = new ShellTable();
        table.column("Логин");
        table.column("Владелец");
        table.column("Роли");
        table.column("Состояние");
        for (Account account : found.items()) {
            row(table, account.login(), account.displayName(),
                    account.grants().stream().map(g -> g.role() + "@" + g.scope()).collect(Collectors.joining(", ")),
                    account.state() + (account.credentialsPending() ? ", пароль не выдан" : "")
                            + (account.lockedUntil() != null ? ", заблокирован до " + account.lockedUntil() : ""));
        }
        table.print(System.out);
        print(Pages.footer(found, page, size));
        return null;
    }
}

package org.attesta.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.security.AccountService;
import org.attesta.api.security.IssuedCredentials;

@Service
@Command(scope = "attesta", name = "credentials", description = "Shows an account's one-time password, once "
        + "(audited); with --all, every pending one of the region or a municipality")
public class TakeCredentials extends AttestaAction {
    @Reference
    private AccountService accounts;

    @Argument(index = 0, name = "login", description = "The account's login")
    private String login;

    @Option(name = "--all", description = "Every pending one-time password")
    private boolean all;

    @Option(name = "-m", aliases = "--municipality", description = "With --all: only this municipality")
    private String municipality;

    @Override
    protected Object run() {
        if (login == null && !all) {
            throw new InvalidInputException("login", "Укажите логин или --all");
        }
        List<IssuedCredentials> sheet = all ? accounts.takePendingCredentials(municipality, null)
                : List.of(accounts.takeCredentials(login));
        ShellTable table = new ShellTable();
        table.column("Логин");
        table.column("Владелец");
        table.column("Одноразовый пароль");
        sheet.forEach(c -> row(table, c.login(), c.displayName(), c.oneTimePassword()));
        table.print(System.out);
        print("Паролей: " + sheet.size() + ". Повторно они не показываются; при первом входе "
                + "пароль нужно сменить.");
        return null;
    }
}

package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountService;

@Service
@Command(scope = "attesta", name = "account", description = "Resets the password of, disables or enables an account")
public class ChangeAccount extends AttestaAction {
    @Reference
    private AccountService accounts;

    @Argument(index = 0, name = "action", required = true, description = "reset, disable or enable")
    @Completion(value = StringsCompleter.class, values = {"reset", "disable", "enable"})
    private String action;

    @Argument(index = 1, name = "login", required = true, description = "The account's login")
    private String login;

    @Override
    protected Object run() {
        Account account = switch (action) {
            case "reset" -> accounts.resetPassword(login);
            case "disable" -> accounts.disable(login);
            case "enable" -> accounts.enable(login);
            default -> throw new InvalidInputException("action", "Действие: reset, disable или enable");
        };
        print(account.login() + ": " + account.state()
                + (account.credentialsPending() ? ", новый пароль: attesta:credentials " + account.login() : ""));
        return null;
    }
}

package org.attesta.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.Page;
import org.attesta.api.security.Account;
import org.attesta.api.security.AccountDraft;
import org.attesta.api.security.AccountQuery;
import org.attesta.api.security.AccountService;
import org.attesta.api.security.BulkIssueRequest;
import org.attesta.api.security.BulkIssueResult;
import org.attesta.api.security.IssuedCredentials;
import org.attesta.api.security.Permission;
import org.attesta.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Staff accounts of the caller's territory: list, issue (one, or for every municipality and
 * school at once), reset, disable, enable, and the one handover of initial passwords.
 */
@Component(service = AccountResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AttestaApplication.SELECT)
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;

    @Activate
    public AccountResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** Accounts; {@code q} matches the start of the login or a word of the name. */
    @GET
    @Requires(Permission.ACCOUNTS_READ)
    public Page<Account> list(@QueryParam("q") String q, @QueryParam("municipality") String municipality,
            @QueryParam("school") String school, @QueryParam("role") String role,
            @QueryParam("pending") String pending, @QueryParam("page") String page, @QueryParam("size") String size) {
        Boolean pendingOnly = pending == null ? null : Params.flag("pending", pending, false);
        return accounts.accounts(new AccountQuery(Params.filter(q), Params.filter(municipality), Params.filter(school),
                role(role), pendingOnly, Params.page(page, size)));
    }

    @GET
    @Path("{login}")
    @Requires(Permission.ACCOUNTS_READ)
    public Account get(@PathParam("login") String login) {
        return accounts.account(login);
    }

    /** Issues one account with a one-time password to be taken once from /accounts/{login}/credentials. */
    @POST
    @Requires(Permission.ACCOUNTS_MANAGE)
    public Response issue(AccountDraft draft) {
        Account account = accounts.issue(Params.body(draft));
        return Response.status(201).header("Location", "/api/v1/accounts/" + account.login()).entity(account).build();
    }

    /** Issues accounts for every municipality and school of the territory; existing ones stay. */
    @POST
    @Path("bulk")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public BulkIssueResult issueForTerritory(BulkIssueRequest request) {
        return accounts.issueForTerritory(Params.body(request));
    }

    @POST
    @Path("{login}/reset")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public Account reset(@PathParam("login") String login) {
        return accounts.resetPassword(login);
    }

    @POST
    @Path("{login}/disable")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public Account disable(@PathParam("login") String login) {
        return accounts.disable(login);
    }

    @POST
    @Path("{login}/enable")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public Account enable(@PathParam("login") String login) {
        return accounts.enable(login);
    }

    /** The account's pending one-time password, once (409 afterwards: reset for a new one). */
    @POST
    @Path("{login}/credentials")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public Response takeCredentials(@PathParam("login") String login) {
        IssuedCredentials credentials = accounts.takeCredentials(login);
        return Response.ok(credentials).header("Cache-Control", "no-store").build();
    }

    /** Every pending one-time password of the territory, once, for a printed handover sheet. */
    @POST
    @Path("credentials")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public Response takePendingCredentials(@QueryParam("municipality") String municipality,
            @QueryParam("school") String school) {
        List<IssuedCredentials> sheet = accounts.takePendingCredentials(Params.filter(municipality),
                Params.filter(school));
        return Response.ok(sheet).header("Cache-Control", "no-store").build();
    }

    private static Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Неизвестная роль «" + role + "»; возможны: "
                    + String.join(", ", Set.of(Role.values()).stream().map(Role::name).sorted().toList()));
        }
    }
}

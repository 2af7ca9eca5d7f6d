package org.attesta.api.security;

import java.util.List;
import org.attesta.api.common.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Staff accounts. Every operation is done for the caller bound in the {@link CallerContext},
 * is limited to the caller's territory, and is written to the audit log. A new or reset
 * account gets a one-time password that the issuing side can take exactly once (to show or
 * print it) and that must be changed at the first login.
 */
@ProviderType
public interface AccountService {

    Page<Account> accounts(AccountQuery query);

    /** @throws org.attesta.api.common.NotFoundException when there is no such account in the caller's territory */
    Account account(String login);

    Account issue(AccountDraft draft);

    BulkIssueResult issueForTerritory(BulkIssueRequest request);

    /** A new one-time password replaces the old password; the account's sessions end. */
    Account resetPassword(String login);

    /** The account can no longer sign in; its sessions end. */
    Account disable(String login);

    Account enable(String login);

    /**
     * The pending one-time password of an account, once: afterwards it is gone (reset to get a new one).
     *
     * @throws org.attesta.api.common.ConflictException when there is none pending
     */
    IssuedCredentials takeCredentials(String login);

    /**
     * Every pending one-time password in a territory (for a printed handover sheet), once.
     *
     * @param municipalityCode only this municipality, or null for all of the caller's territory
     * @param schoolCode only this school, or null
     */
    List<IssuedCredentials> takePendingCredentials(String municipalityCode, String schoolCode);

    /**
     * The signed-in account changes its own password; every session of the account ends.
     *
     * @throws org.attesta.api.common.AuthenticationException when the current password is wrong
     * @throws org.attesta.api.common.InvalidInputException when the new one is too weak
     * @throws org.attesta.api.common.TooManyRequestsException when too many attempts were made
     */
    default void changePassword(char[] currentPassword, char[] newPassword) {
        changePassword(currentPassword, newPassword, null);
    }

    /**
     * The signed-in account changes its own password. The session it is changed from stays
     * open (with the account's full rights once a one-time password is replaced); every
     * other session of the account ends. The current password is checked under the same
     * attempt limits as a sign-in.
     *
     * @param sessionToken the token of the session making the change, or null (a password per
     *     request): then every session ends
     * @throws org.attesta.api.common.AuthenticationException when the current password is wrong
     * @throws org.attesta.api.common.InvalidInputException when the new one is too weak
     * @throws org.attesta.api.common.TooManyRequestsException when too many attempts were made
     * @since 1.1
     */
    void changePassword(char[] currentPassword, char[] newPassword, String sessionToken);
}

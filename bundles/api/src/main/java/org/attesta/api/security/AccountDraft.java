package org.attesta.api.security;

import java.util.List;

/**
 * A new account, or new details for one.
 *
 * @param login latin letters, digits, dot, dash and underscore, 3 to 64 characters; case does not matter
 * @param displayName the person's name or post, shown in the UI and the audit log
 */
public record AccountDraft(String login, String displayName, List<RoleGrant> grants) {
}

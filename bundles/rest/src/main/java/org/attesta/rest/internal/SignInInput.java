package org.attesta.rest.internal;

import org.attesta.api.common.AuthenticationException;
import org.attesta.api.common.SafeText;

/**
 * A login no account can have (longer than an account login may be, or holding a control
 * character) is answered as wrong credentials before it reaches the sign-in service: it would
 * otherwise overflow the columns the throttle and the audit log key it by, and answer 500.
 */
final class SignInInput {
    /** The longest login an account may have (see {@code AccountDraft}). */
    static final int MAX_LOGIN = 64;

    private SignInInput() {
    }

    static String login(String login) {
        if (login.length() > MAX_LOGIN || SafeText.firstForbidden(login) >= 0) {
            throw new AuthenticationException("invalid-credentials", "Неверное имя пользователя или пароль");
        }
        return login;
    }
}

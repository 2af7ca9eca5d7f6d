package org.attesta.security.internal;

import java.util.Locale;
import java.util.Set;
import org.attesta.api.common.InvalidInputException;

/**
 * What a chosen password must be: long rather than complicated (NIST SP 800-63B), not the
 * login, not one of the passwords everyone tries first.
 */
final class PasswordRules {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("123456789012", "1234567890123", "qwertyuiop12",
            "qwertyuiopas", "password1234", "passwordpassword", "111111111111", "000000000000",
            "йцукенгшщзхъ", "пароль123456", "qwerty123456", "123456qwerty", "1q2w3e4r5t6y", "zaq12wsxcde3",
            "adminadmin12", "administrator");

    private PasswordRules() {
    }

    static void check(String login, char[] password) {
        String text = new String(password);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            throw weak("Пароль слишком короткий: нужно не меньше " + MIN_LENGTH + " символов");
        }
        if (length > MAX_LENGTH) {
            throw weak("Пароль слишком длинный: не больше " + MAX_LENGTH + " символов");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (login != null && lower.contains(login.toLowerCase(Locale.ROOT))) {
            throw weak("Пароль не должен содержать имя пользователя");
        }
        if (COMMON.contains(lower) || text.chars().distinct().count() < 5) {
            throw weak("Пароль слишком простой: выберите менее предсказуемый");
        }
    }

    private static InvalidInputException weak(String message) {
        return InvalidInputException.rule("weak-password", "newPassword", message);
    }
}

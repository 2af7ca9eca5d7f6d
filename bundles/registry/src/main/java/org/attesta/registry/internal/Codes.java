package org.attesta.registry.internal;

import java.util.regex.Pattern;
import org.attesta.api.common.InvalidInputException;

/** Business keys (municipality, school and venue codes): digits and Latin letters, up to 20. */
final class Codes {
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,20}");

    private Codes() {
    }

    static String check(String field, String label, String value) {
        String code = Text.required(field, label, value, 20);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException(field,
                    "«" + label + "» может содержать только цифры, латинские буквы, «-» и «_»: «" + code + "»");
        }
        return code;
    }
}

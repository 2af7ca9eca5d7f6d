package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.attesta.api.common.AuthenticationException;
import org.junit.jupiter.api.Test;

class SignInInputTest {

    @Test
    void aLoginNoAccountCanHaveIsWrongCredentials() {
        for (String login : new String[] {"a".repeat(65), "x".repeat(10_000), "admin\u0000", "rcoi\u001B[2J"}) {
            AuthenticationException refused = assertThrows(AuthenticationException.class, () -> SignInInput.login(login));
            assertEquals(401, AttestaExceptionMapper.status(refused));
            assertEquals("invalid-credentials", refused.type());
        }
        assertEquals("a".repeat(64), SignInInput.login("a".repeat(64)));
        assertEquals("rcoi", SignInInput.login("rcoi"));
    }
}

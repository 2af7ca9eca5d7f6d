package org.attesta.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.of(new String[] {"10.0.0.5, 10.0.0.6", " 192.168.1.1 "});

    @Test
    void forwardedHttpsIsBelievedOnlyFromAConfiguredProxy() {
        assertTrue(proxies.secure("http", "10.0.0.5", "https"));
        assertTrue(proxies.secure("http", "192.168.1.1", "HTTPS"));
        assertFalse(proxies.secure("http", "10.0.0.7", "https"), "anyone else can send the header");
        assertFalse(proxies.secure("http", "10.0.0.5", null));
        assertFalse(proxies.secure("http", "10.0.0.5", "http"));
        assertFalse(TrustedProxies.NONE.secure("http", "127.0.0.1", "https"));
        assertEquals(Set.of("10.0.0.5", "10.0.0.6", "192.168.1.1"), proxies.addresses());
    }

    @Test
    void theNearestProxysValueCountsAndDirectTlsIsAlwaysSecure() {
        assertTrue(proxies.secure("http", "10.0.0.6", "http, https"));
        assertFalse(proxies.secure("http", "10.0.0.6", "https, http"));
        assertTrue(proxies.secure("https", "203.0.113.9", null));
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestWasOverTls() {
        assertTrue(AuthResource.cookie("t", true, false).contains("; Secure"));
        assertFalse(AuthResource.cookie("t", false, false).contains("Secure"));
        assertTrue(AuthResource.cookie("", true, true).endsWith("; Secure; Max-Age=0"));
    }
}

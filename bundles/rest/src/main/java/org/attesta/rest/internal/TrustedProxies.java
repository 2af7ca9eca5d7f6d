package org.attesta.rest.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a request reached the server over TLS, directly or through a TLS-terminating proxy the
 * administrator named. {@code X-Forwarded-Proto} is believed only from those addresses: anyone
 * else could send it.
 */
record TrustedProxies(Set<String> addresses) {
    static final TrustedProxies NONE = new TrustedProxies(Set.of());

    TrustedProxies {
        addresses = Set.copyOf(addresses);
    }

    static TrustedProxies of(String[] configured) {
        if (configured == null) {
            return NONE;
        }
        return new TrustedProxies(Arrays.stream(configured).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).collect(Collectors.toSet()));
    }

    /**
     * @param scheme the scheme the server saw
     * @param remoteAddress the address the connection came from
     * @param forwardedProto the {@code X-Forwarded-Proto} header, or null; with several proxies the
     *     last value is the one the nearest (trusted) proxy added
     */
    boolean secure(String scheme, String remoteAddress, String forwardedProto) {
        if ("https".equalsIgnoreCase(scheme)) {
            return true;
        }
        if (forwardedProto == null || remoteAddress == null || !addresses.contains(remoteAddress)) {
            return false;
        }
        String[] hops = forwardedProto.split(",");
        return "https".equals(hops[hops.length - 1].strip().toLowerCase(Locale.ROOT));
    }
}

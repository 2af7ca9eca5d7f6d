package org.attesta.rest.internal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attesta.api.common.InvalidInputException;

/** The SHA-256 a sender states for an upload: RFC 9530 Content-Digest, or a hex query parameter. */
final class Digests {
    private static final Pattern CONTENT_DIGEST = Pattern.compile("(?i)(?:^|,)\\s*sha-256\\s*=\\s*:([A-Za-z0-9+/=]+):");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private Digests() {
    }

    /** @return the lower-case hex SHA-256, or null when the sender stated none */
    static String expectedSha256(String contentDigest, String hex) {
        if (hex != null && !hex.isBlank()) {
            if (!HEX.matcher(hex.strip()).matches()) {
                throw new InvalidInputException("sha256", "sha256 должен состоять из 64 шестнадцатеричных цифр");
            }
            return hex.strip().toLowerCase(Locale.ROOT);
        }
        if (contentDigest == null || contentDigest.isBlank()) {
            return null;
        }
        Matcher matcher = CONTENT_DIGEST.matcher(contentDigest);
        if (!matcher.find()) {
            throw new InvalidInputException("Content-Digest",
                    "Content-Digest должен содержать sha-256=:base64:, например sha-256=:X48E9q...=:");
        }
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Content-Digest", "Content-Digest: значение sha-256 не в Base64");
        }
        if (digest.length != 32) {
            throw new InvalidInputException("Content-Digest", "Content-Digest: SHA-256 — это 32 байта, получено " + digest.length);
        }
        return HexFormat.of().formatHex(digest);
    }
}

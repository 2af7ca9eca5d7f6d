package org.attesta.web.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The built UI (the bundle's {@code web/} entries) held in memory, with the gzip variants the
 * build wrote beside the files ({@code NAME.gz}). Decides what a path under /ui/ answers:
 * a file, the SPA's index.html for an address of the app, or nothing.
 */
final class StaticAssets {
    static final String INDEX = "index.html";
    /** Where Vite writes hashed (content-named) files: they never change under their name. */
    static final String HASHED_PREFIX = "assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** One file as it can be sent. */
    record Asset(String path, String contentType, String cacheControl, byte[] bytes, String etag, byte[] gzip,
            String gzipEtag) {
        boolean hasGzip() {
            return gzip != null;
        }
    }

    private final Map<String, Asset> assets;

    private StaticAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /** @param files paths relative to web/ (with "/" separators) and their bytes, .gz files included */
    static StaticAssets of(Map<String, byte[]> files) {
        Map<String, Asset> assets = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (path.endsWith(".gz") && files.containsKey(path.substring(0, path.length() - 3))) {
                continue; // a variant, attached to its file below
            }
            byte[] gzip = files.get(path + ".gz");
            String etag = etag(file.getValue(), "");
            assets.put(path, new Asset(path, contentType(path), cacheControl(path), file.getValue(), etag, gzip,
                    gzip == null ? null : etag(file.getValue(), "-gz")));
        }
        return new StaticAssets(assets);
    }

    int size() {
        return assets.size();
    }

    /**
     * What a request for {@code path} (the part after /ui/, without a leading slash, already
     * URL-decoded) answers: the file, index.html for an address of the app (no file
     * extension, not under assets/), or null for a missing file (404).
     */
    Asset resolve(String path) {
        String clean = path == null ? "" : path;
        while (clean.startsWith("/")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty()) {
            return assets.get(INDEX);
        }
        Asset asset = assets.get(clean);
        if (asset != null) {
            return asset;
        }
        return isAppAddress(clean) ? assets.get(INDEX) : null;
    }

    /** A client-side route: not under assets/ and its last segment has no file extension. */
    static boolean isAppAddress(String path) {
        if (path.startsWith(HASHED_PREFIX) || path.contains("..")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    static String cacheControl(String path) {
        return path.startsWith(HASHED_PREFIX) ? IMMUTABLE : REVALIDATE;
    }

    static String contentType(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html;charset=utf-8";
            case "js", "mjs" -> "text/javascript;charset=utf-8";
            case "css" -> "text/css;charset=utf-8";
            case "json", "map" -> "application/json";
            case "webmanifest" -> "application/manifest+json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "txt" -> "text/plain;charset=utf-8";
            case "xml" -> "application/xml";
            default -> "application/octet-stream";
        };
    }

    /**
     * Whether an Accept-Encoding header allows gzip: "gzip" or "*" listed with a non-zero q
     * (an explicit gzip;q=0 wins over *).
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].strip().toLowerCase(Locale.ROOT);
            boolean allowed = quality(fields) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = allowed;
            } else if (coding.equals("*")) {
                any = allowed;
            }
        }
        return gzip != null ? gzip : any != null && any;
    }

    private static double quality(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String param = fields[i].strip();
            if (param.length() > 2 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q') && param.charAt(1) == '=') {
                try {
                    return Double.parseDouble(param.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** Whether an If-None-Match header names this entity tag (or is "*"). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(byte[] bytes, String suffix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + suffix + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "StaticAssets" + assets.keySet();
    }
}

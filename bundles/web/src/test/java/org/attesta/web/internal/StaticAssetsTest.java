package org.attesta.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticAssetsTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final StaticAssets ASSETS = StaticAssets.of(Map.of(
            "index.html", bytes("<!doctype html>"),
            "index.html.gz", bytes("gz-index"),
            "assets/index-abc123.js", bytes("console.log(1)"),
            "assets/index-abc123.js.gz", bytes("gz-js"),
            "favicon.svg", bytes("<svg/>"),
            "report.gz", bytes("a real gz file without a plain twin")));

    @Test
    void resolvesFilesAndGzipVariants() {
        StaticAssets.Asset js = ASSETS.resolve("/assets/index-abc123.js");
        assertEquals("text/javascript;charset=utf-8", js.contentType());
        assertEquals(StaticAssets.IMMUTABLE, js.cacheControl());
        assertTrue(js.hasGzip());
        assertNotEquals(js.etag(), js.gzipEtag());
        assertFalse(ASSETS.resolve("favicon.svg").hasGzip());
        assertEquals(StaticAssets.REVALIDATE, ASSETS.resolve("favicon.svg").cacheControl());
        assertEquals("application/octet-stream", ASSETS.resolve("report.gz").contentType());
        assertEquals(4, ASSETS.size());
    }

    @Test
    void answersIndexForAppAddresses() {
        StaticAssets.Asset index = ASSETS.resolve("index.html");
        assertSame(index, ASSETS.resolve("/"));
        assertSame(index, ASSETS.resolve(""));
        assertSame(index, ASSETS.resolve("/participants"));
        assertSame(index, ASSETS.resolve("/participants/42/edit"));
        assertEquals("text/html;charset=utf-8", index.contentType());
        assertEquals("no-cache", index.cacheControl());
    }

    @Test
    void missingFilesAreNotTheApp() {
        assertNull(ASSETS.resolve("/assets/index-old999.js"));
        assertNull(ASSETS.resolve("/assets/"));
        assertNull(ASSETS.resolve("/robots.txt"));
        assertNull(ASSETS.resolve("/../etc/passwd"));
        assertNull(ASSETS.resolve("/index.html.gz"));
    }

    @Test
    void readsAcceptEncoding() {
        assertTrue(StaticAssets.acceptsGzip("gzip, deflate, br"));
        assertTrue(StaticAssets.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(StaticAssets.acceptsGzip("*"));
        assertTrue(StaticAssets.acceptsGzip("x-gzip"));
        assertFalse(StaticAssets.acceptsGzip(null));
        assertFalse(StaticAssets.acceptsGzip(""));
        assertFalse(StaticAssets.acceptsGzip("identity"));
        assertFalse(StaticAssets.acceptsGzip("gzip;q=0"));
        assertFalse(StaticAssets.acceptsGzip("gzip;q=0, *"));
        assertFalse(StaticAssets.acceptsGzip("br, *;q=0"));
    }

    @Test
    void matchesEntityTags() {
        assertTrue(StaticAssets.matches("\"abc\"", "\"abc\""));
        assertTrue(StaticAssets.matches("\"x\", W/\"abc\"", "\"abc\""));
        assertTrue(StaticAssets.matches("*", "\"abc\""));
        assertFalse(StaticAssets.matches("\"abd\"", "\"abc\""));
        assertFalse(StaticAssets.matches(null, "\"abc\""));
    }
}

package org.attesta.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.attesta.api.common.Page;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void firstFullPage() {
        assertEquals("Показано 1–50 из 3012", Pages.footer(new Page<>(items(50), 3012), 0, 50));
    }

    @Test
    void secondPageStartsAfterTheFirst() {
        assertEquals("Показано 51–100 из 3012", Pages.footer(new Page<>(items(50), 3012), 1, 50));
    }

    @Test
    void lastPageEndsAtItsLastItem() {
        assertEquals("Показано 3001–3012 из 3012", Pages.footer(new Page<>(items(12), 3012), 60, 50));
    }

    @Test
    void singleItem() {
        assertEquals("Показано 1–1 из 1", Pages.footer(new Page<>(items(1), 1), 0, 20));
    }

    @Test
    void emptyResult() {
        assertEquals("Ничего не найдено (всего 0)", Pages.footer(new Page<>(List.of(), 0), 0, 50));
    }

    @Test
    void pagePastTheEndSaysHowManyThereAre() {
        assertEquals("Ничего не найдено (всего 120)", Pages.footer(new Page<>(List.of(), 120), 9, 50));
    }

    @Test
    void farPagesDoNotOverflow() {
        assertEquals("Показано 2000000000001–2000000000500 из 3000000000000",
                Pages.footer(new Page<>(items(500), 3_000_000_000_000L), 2_000_000_000, 1000));
    }

    private static List<String> items(int count) {
        return Collections.nCopies(count, "x");
    }
}

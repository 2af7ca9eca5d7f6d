package org.attesta.shell.internal;

import org.attesta.api.common.Page;

final class Pages {
    private Pages() {
    }

    /** "Показано 51–100 из 3012", so a person knows there is more. */
    static String footer(Page<?> page, int number, int size) {
        if (page.items().isEmpty()) {
            return "Ничего не найдено (всего " + page.total() + ")";
        }
        long first = (long) number * size + 1;
        return "Показано " + first + "–" + (first + page.items().size() - 1) + " из " + page.total();
    }
}

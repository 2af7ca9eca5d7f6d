package org.attesta.api.common;

import java.util.List;

/**
 * One page of a list, with the number of items that match the whole query.
 *
 * @param items the items of this page, in the order of the query
 * @param total how many items match the query across all pages
 */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the page size " + items.size());
        }
    }
}

package org.attesta.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void aPageWhoseOffsetOverflowsIsRefusedNamingThePage() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new PageRequest(Integer.MAX_VALUE, 50));
        assertEquals("page", refused.problems().get(0).column());
        assertThrows(InvalidInputException.class, () -> new PageRequest(Integer.MAX_VALUE / 500 + 1, 500));
    }

    @Test
    void theLastRepresentablePageIsAccepted() {
        PageRequest last = new PageRequest(Integer.MAX_VALUE / 50 - 1, 50);
        assertEquals((Integer.MAX_VALUE / 50 - 1) * 50, last.offset());
        assertThrows(InvalidInputException.class, () -> new PageRequest(Integer.MAX_VALUE / 50, 50));
        assertEquals(0, new PageRequest(0, 1).offset());
    }
}

package org.attesta.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.attesta.api.audit.AuditOutcome;
import org.attesta.api.audit.AuditQuery;
import org.junit.jupiter.api.Test;

class SearchSqlTest {

    @Test
    void noCriteriaNoWhere() {
        SearchSql sql = SearchSql.of(new AuditQuery(null, " ", "", null, null, null, null, null));
        assertEquals("", sql.where());
        assertEquals(List.of(), sql.parameters());
    }

    @Test
    void userTextOnlyInParameters() {
        SearchSql sql = SearchSql.of(new AuditQuery("Ivanov' OR 1=1 --", "school", "77", "account.",
                AuditOutcome.DENIED, Instant.ofEpochMilli(10), Instant.ofEpochMilli(20), null));
        assertEquals(" WHERE LOWER(actor) = ? AND object_type = ? AND object_id = ? AND action LIKE ? ESCAPE '!'"
                + " AND outcome = ? AND occurred_at >= ? AND occurred_at < ?", sql.where());
        assertEquals(List.of("ivanov' or 1=1 --", "school", "77", "account.%", "DENIED", 10L, 20L), sql.parameters());
    }

    @Test
    void exactActionWithoutTrailingDot() {
        SearchSql sql = SearchSql.of(new AuditQuery(null, null, null, "auth.login", null, null, null, null));
        assertEquals(" WHERE action = ?", sql.where());
        assertEquals(List.of("auth.login"), sql.parameters());
    }

    @Test
    void escapesLikeWildcards() {
        assertEquals("a!%b!_c!!d.", SearchSql.escapeLike("a%b_c!d."));
    }

    @Test
    void clampsInstantsOutsideTheMillisecondRange() {
        SearchSql sql = SearchSql.of(new AuditQuery(null, null, null, null, null, Instant.MIN, Instant.MAX, null));
        assertEquals(List.of(Long.MIN_VALUE, Long.MAX_VALUE), sql.parameters());
    }
}

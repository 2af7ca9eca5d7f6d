package org.attesta.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * A staff role. Each role an account holds is bound to a {@link Scope} of one of the levels
 * the role allows; what each role may do is the access policy's business.
 */
public enum Role {
    /** РЦОИ administrator: accounts, audit, everything in the region. */
    REGION_ADMINISTRATOR(ScopeLevel.REGION),
    /** РЦОИ operator: the region's data. */
    REGION_OPERATOR(ScopeLevel.REGION),
    /** МОУО specialist: the schools of one municipality. */
    MUNICIPAL_SPECIALIST(ScopeLevel.MUNICIPALITY),
    /** Head of a school (руководитель ОО). */
    SCHOOL_HEAD(ScopeLevel.SCHOOL),
    /** The school's responsible organiser (ответственный организатор ОО). */
    RESPONSIBLE_ORGANIZER(ScopeLevel.SCHOOL),
    /** The school's technical specialist. */
    TECHNICAL_SPECIALIST(ScopeLevel.SCHOOL),
    /** A marker; bound to a school, a municipality or the region. */
    EXPERT(ScopeLevel.SCHOOL, ScopeLevel.MUNICIPALITY, ScopeLevel.REGION);

    private final Set<ScopeLevel> levels;

    Role(ScopeLevel first, ScopeLevel... more) {
        this.levels = EnumSet.of(first, more);
    }

    /** The scope levels this role may be bound to. */
    public Set<ScopeLevel> levels() {
        return EnumSet.copyOf(levels);
    }

    public boolean allows(ScopeLevel level) {
        return levels.contains(level);
    }
}

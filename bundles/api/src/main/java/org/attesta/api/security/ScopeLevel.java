package org.attesta.api.security;

/** The size of a territory a role is bound to. */
public enum ScopeLevel {
    REGION, MUNICIPALITY, SCHOOL
}

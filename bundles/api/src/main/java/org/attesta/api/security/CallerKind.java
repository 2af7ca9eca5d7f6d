package org.attesta.api.security;

/** Who is calling, broadly. */
public enum CallerKind {
    /** Not signed in. */
    ANONYMOUS,
    /** A staff account of Attesta. */
    STAFF,
    /** A Karaf platform administrator (shell, or HTTP Basic with a Karaf login): the whole region. */
    PLATFORM_ADMINISTRATOR,
    /** Attesta itself, for work nobody asked for in a request (demo data, scheduled jobs). */
    SYSTEM
}

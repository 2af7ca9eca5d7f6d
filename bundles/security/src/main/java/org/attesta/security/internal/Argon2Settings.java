package org.attesta.security.internal;

/**
 * Argon2id cost. The default is OWASP's first recommended setting (m=19 MiB, t=2, p=1);
 * lower values are refused so that a configuration slip cannot weaken stored passwords.
 */
record Argon2Settings(int memoryKib, int iterations, int parallelism) {
    static final Argon2Settings OWASP_MINIMUM = new Argon2Settings(19 * 1024, 2, 1);

    Argon2Settings {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters m=" + memoryKib + " t=" + iterations
                    + " p=" + parallelism);
        }
    }

    /** Whether this setting costs at least as much as {@code other} in memory and time. */
    boolean atLeast(Argon2Settings other) {
        return memoryKib >= other.memoryKib && (long) memoryKib * iterations >= (long) other.memoryKib * other.iterations;
    }
}

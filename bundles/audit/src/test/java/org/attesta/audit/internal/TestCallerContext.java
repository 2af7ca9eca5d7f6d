package org.attesta.audit.internal;

import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;

/** The caller per thread, as the security bundle keeps it; unbound threads are anonymous. */
final class TestCallerContext implements CallerContext {
    private final ThreadLocal<Caller> callers = new ThreadLocal<>();

    @Override
    public Caller current() {
        Caller caller = callers.get();
        return caller == null ? Caller.anonymous(null) : caller;
    }

    @Override
    public Binding bind(Caller caller) {
        Caller previous = callers.get();
        callers.set(caller);
        return () -> callers.set(previous);
    }
}

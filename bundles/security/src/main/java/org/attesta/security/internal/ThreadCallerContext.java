package org.attesta.security.internal;

import org.attesta.api.security.Caller;
import org.attesta.api.security.CallerContext;
import org.osgi.service.component.annotations.Component;

/** The caller of each thread's current work, held per thread by this one component instance. */
@Component(service = CallerContext.class)
public class ThreadCallerContext implements CallerContext {

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
        return () -> {
            if (previous == null) {
                callers.remove();
            } else {
                callers.set(previous);
            }
        };
    }
}

package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.attesta.api.security.CallerContext;

/**
 * The one place every attesta command passes: the signed-in shell user is bound as the caller
 * while the command runs, so the services check access and write the audit log for that
 * person, exactly as for a REST request.
 */
public abstract class AttestaAction implements Action {
    @Reference
    private CallerContext callers;

    @Override
    public final Object execute() throws Exception {
        try (CallerContext.Binding binding = callers.bind(ShellCaller.current())) {
            return run();
        }
    }

    protected abstract Object run() throws Exception;

    /** For completers, which run outside a command. */
    static <T> T asShellUser(CallerContext callers, java.util.function.Supplier<T> work) {
        return callers.callAs(ShellCaller.current(), work);
    }
}

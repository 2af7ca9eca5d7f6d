package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.common.SafeText;
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
        } catch (RuntimeException failure) {
            // The shell prints the message; one that echoes a stored or typed value may carry an escape.
            if (SafeText.firstForbidden(failure.getMessage()) >= 0) {
                throw new IllegalArgumentException(SafeText.neutralise(failure.getMessage()));
            }
            throw failure;
        }
    }

    /**
     * A value as it may reach the administrator's terminal: control, bidirectional and invisible
     * characters shown by their codes ({@link SafeText#neutralise}), so that data stored before
     * such characters were refused (or put in by a region's own bundle) cannot move the cursor,
     * retitle the window or reorder a line. Every value a command prints passes here.
     */
    protected static String safe(Object value) {
        return value == null ? null : SafeText.neutralise(String.valueOf(value));
    }

    /** Prints one line of output through {@link #safe}. */
    protected static void print(Object line) {
        System.out.println(safe(line));
    }

    /** Adds a table row with every cell through {@link #safe}. */
    protected static void row(ShellTable table, Object... cells) {
        Object[] safeCells = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safeCells[i] = cells[i] == null ? null : safe(cells[i]);
        }
        table.addRow().addContent(safeCells);
    }

    protected abstract Object run() throws Exception;

    /** For completers, which run outside a command. */
    static <T> T asShellUser(CallerContext callers, java.util.function.Supplier<T> work) {
        return callers.callAs(ShellCaller.current(), work);
    }
}

package org.attesta.api.security;

import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The caller of the work running on this thread. REST binds the authenticated caller for
 * the length of a request, the shell binds the signed-in administrator for a command, and
 * background work binds whoever asked for it; providers read it to check access and to say
 * who did what in the audit log. Unbound threads are {@link Caller#anonymous anonymous},
 * so a forgotten binding fails closed.
 */
@ProviderType
public interface CallerContext {

    Caller current();

    /** Binds a caller until the returned binding is closed; the previous one is restored then. */
    Binding bind(Caller caller);

    default <T> T callAs(Caller caller, Supplier<T> work) {
        try (Binding binding = bind(caller)) {
            return work.get();
        }
    }

    default void runAs(Caller caller, Runnable work) {
        try (Binding binding = bind(caller)) {
            work.run();
        }
    }

    /** Ends a binding. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}

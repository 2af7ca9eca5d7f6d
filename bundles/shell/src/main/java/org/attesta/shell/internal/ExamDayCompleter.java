package org.attesta.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.attesta.api.registry.RegistryService;

/** Completes exam day ids. */
@Service
public class ExamDayCompleter implements Completer {
    @Reference
    private RegistryService registry;

    @Reference
    private org.attesta.api.security.CallerContext callers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return AttestaAction.asShellUser(callers, () -> completeAsUser(session, commandLine, candidates));
    }

    private int completeAsUser(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        registry.examDays(null).forEach(day -> ids.getStrings().add(Long.toString(day.id())));
        return ids.complete(session, commandLine, candidates);
    }
}

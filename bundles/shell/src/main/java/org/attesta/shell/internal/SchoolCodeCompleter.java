package org.attesta.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.RegistryService;

/** Completes school codes from the registry, matching what has been typed. */
@Service
public class SchoolCodeCompleter implements Completer {
    @Reference
    private RegistryService registry;

    @Reference
    private org.attesta.api.security.CallerContext callers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return AttestaAction.asShellUser(callers, () -> completeAsUser(session, commandLine, candidates));
    }

    private int completeAsUser(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument() == null ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
        StringsCompleter codes = new StringsCompleter();
        registry.schools(typed.isEmpty() ? null : typed, null, new PageRequest(0, PageRequest.MAX_SIZE)).items()
                .forEach(school -> codes.getStrings().add(school.code()));
        return codes.complete(session, commandLine, candidates);
    }
}

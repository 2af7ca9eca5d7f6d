package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.ParticipantQuery;
import org.attesta.api.registry.ParticipantService;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.School;

@Service
@Command(scope = "attesta", name = "school", description = "Shows one school (ОО)")
public class ShowSchool extends AttestaAction {
    @Reference
    private RegistryService registry;

    @Reference
    private ParticipantService participants;

    @Argument(name = "code", description = "School code", required = true)
    @Completion(SchoolCodeCompleter.class)
    private String code;

    @Override
    protected Object run() {
        School school = registry.school(code);
        long count = participants.search(new ParticipantQuery(null, school.code(), null, new PageRequest(0, 1))).total();
        System.out.println("Код:            " + school.code());
        System.out.println("Наименование:   " + school.name());
        System.out.println("Краткое:        " + (school.shortName() == null ? "—" : school.shortName()));
        System.out.println("МОУО:           " + school.municipalityCode());
        System.out.println("Адрес:          " + (school.address() == null ? "—" : school.address()));
        System.out.println("Участников:     " + count);
        return null;
    }
}

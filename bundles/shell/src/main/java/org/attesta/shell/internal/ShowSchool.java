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
        print("Код:            " + school.code());
        print("Наименование:   " + school.name());
        print("Краткое:        " + (school.shortName() == null ? "—" : school.shortName()));
        print("МОУО:           " + school.municipalityCode());
        print("Адрес:          " + (school.address() == null ? "—" : school.address()));
        print("Участников:     " + count);
        return null;
    }
}

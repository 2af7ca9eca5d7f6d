package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.Participant;
import org.attesta.api.registry.ParticipantQuery;
import org.attesta.api.registry.ParticipantService;

@Service
@Command(scope = "attesta", name = "participants", description = "Lists and searches participants")
public class ListParticipants extends AttestaAction {
    @Reference
    private ParticipantService participants;

    @Option(name = "-q", aliases = "--query", description = "Start of the surname or of the full name")
    private String query;

    @Option(name = "-s", aliases = "--school", description = "School code")
    @Completion(SchoolCodeCompleter.class)
    private String school;

    @Option(name = "-m", aliases = "--municipality", description = "Municipality code")
    private String municipality;

    @Option(name = "--page", description = "Page number, from 0")
    private int page;

    @Option(name = "--size", description = "Participants per page")
    private int size = PageRequest.DEFAULT_SIZE;

    @Override
    protected Object run() {
        Page<Participant> found = participants.search(new ParticipantQuery(query, school, municipality,
                new PageRequest(page, size)));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("ФИО");
        table.column("Дата рожд.");
        table.column("ОО");
        table.column("Класс");
        table.column("ОВЗ");
        for (Participant p : found.items()) {
            row(table, p.id(), p.fullName(), p.birthDate(), p.schoolCode(), p.className(),
                    p.specialNeeds() ? "да (+" + p.extraMinutes() + " мин)" : "");
        }
        table.print(System.out);
        print(Pages.footer(found, page, size));
        return null;
    }
}

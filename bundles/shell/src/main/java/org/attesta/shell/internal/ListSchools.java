package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.School;

@Service
@Command(scope = "attesta", name = "schools", description = "Lists schools (ОО), optionally of one municipality")
public class ListSchools extends AttestaAction {
    @Reference
    private RegistryService registry;

    @Option(name = "-q", aliases = "--query", description = "Start of the code or part of the name")
    private String query;

    @Option(name = "-m", aliases = "--municipality", description = "Municipality code")
    private String municipality;

    @Option(name = "--page", description = "Page number, from 0")
    private int page;

    @Option(name = "--size", description = "Schools per page")
    private int size = PageRequest.DEFAULT_SIZE;

    @Override
    protected Object run() {
        Page<School> schools = registry.schools(query, municipality, new PageRequest(page, size));
        ShellTable table = new ShellTable();
        table.column("Код");
        table.column("МОУО");
        table.column("Наименование");
        schools.items().forEach(s -> row(table, s.code(), s.municipalityCode(),
                s.shortName() == null ? s.name() : s.shortName()));
        table.print(System.out);
        print(Pages.footer(schools, page, size));
        return null;
    }
}

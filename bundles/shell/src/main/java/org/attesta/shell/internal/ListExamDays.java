package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayKind;
import org.attesta.api.registry.RegistryService;

@Service
@Command(scope = "attesta", name = "exam-days", description = "Lists exam days with the number of assigned participants")
public class ListExamDays extends AttestaAction {
    @Reference
    private RegistryService registry;

    @Reference
    private AssignmentService assignments;

    @Option(name = "-y", aliases = "--year", description = "School year, e.g. 2025/26")
    private String year;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Дата");
        table.column("Срок");
        table.column("Учебный год");
        table.column("Назначено").alignRight();
        for (ExamDay day : registry.examDays(year)) {
            long assigned = assignments.assignments(day.id(), null, new PageRequest(0, 1)).total();
            row(table, day.id(), day.date(), kind(day.kind()), day.schoolYear(), assigned);
        }
        table.print(System.out);
        return null;
    }

    static String kind(ExamDayKind kind) {
        return kind == ExamDayKind.MAIN ? "основной" : "дополнительный";
    }
}

package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.RegistryService;

@Service
@Command(scope = "attesta", name = "exam-day", description = "Shows one exam day")
public class ShowExamDay extends AttestaAction {
    @Reference
    private RegistryService registry;

    @Reference
    private AssignmentService assignments;

    @Argument(name = "id", description = "Exam day id (see attesta:exam-days)", required = true)
    @Completion(ExamDayCompleter.class)
    private long id;

    @Override
    protected Object run() {
        ExamDay day = registry.examDay(id);
        print("Id:            " + day.id());
        print("Дата:          " + day.date());
        print("Срок:          " + ListExamDays.kind(day.kind()));
        print("Учебный год:   " + day.schoolYear());
        print("Назначено:     " + assignments.assignments(day.id(), null, new PageRequest(0, 1)).total());
        return null;
    }
}

package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.registry.Seat;
import org.attesta.api.registry.Seating;
import org.attesta.api.registry.SeatingOptions;
import org.attesta.api.registry.SeatingService;

@Service
@Command(scope = "attesta", name = "seating", description = "Computes and prints the seating of a school for an exam day")
public class ComputeSeating extends AttestaAction {
    @Reference
    private SeatingService seating;

    @Argument(index = 0, name = "examDay", description = "Exam day id (see attesta:exam-days)", required = true)
    @Completion(ExamDayCompleter.class)
    private long examDay;

    @Argument(index = 1, name = "school", description = "School code", required = true)
    @Completion(SchoolCodeCompleter.class)
    private String school;

    @Option(name = "--show", description = "Only print the stored seating, do not compute")
    private boolean showOnly;

    @Option(name = "--reset-manual", description = "Recompute seats that were moved by hand too")
    private boolean resetManual;

    @Override
    protected Object run() {
        Seating result = showOnly ? seating.seating(examDay, school)
                : seating.compute(examDay, school, new SeatingOptions(!resetManual));
        ShellTable table = new ShellTable();
        table.column("Ауд.");
        table.column("Начало");
        table.column("Конец");
        table.column("Участник");
        table.column("");
        for (Seat seat : result.seats()) {
            row(table, seat.auditoriumNumber(), seat.start(), seat.end(), seat.participantName(),
                    (seat.specialNeeds() ? "ОВЗ " : "") + (seat.manual() ? "вручную" : ""));
        }
        table.print(System.out);
        print("Рассажено: " + result.seats().size()
                + (result.unseated().isEmpty() ? "" : "; не рассажено: " + result.unseated().size()
                        + " (нет аудиторий проведения или не хватает времени)"));
        return null;
    }
}

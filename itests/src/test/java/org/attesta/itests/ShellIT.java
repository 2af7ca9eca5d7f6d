package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.AssignmentService;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.AuditoriumRole;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayDraft;
import org.attesta.api.registry.ExamDayKind;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.ParticipantQuery;
import org.attesta.api.registry.ParticipantService;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.SchoolDraft;
import org.attesta.api.registry.VenueDraft;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The administrator's commands in scope attesta, as typed at the Karaf shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT extends AttestaTestSupport {
    private static final String SCHOOL = "910001";

    @Inject
    private RegistryService registry;

    @Inject
    private ParticipantService participants;

    @Inject
    private AssignmentService assignments;

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Before
    public void region() {
        if (registry.municipalities().stream().noneMatch(m -> m.code().equals("910"))) {
            registry.createMunicipality(new MunicipalityDraft("910", "Шелловский район"));
            registry.createSchool(new SchoolDraft(SCHOOL, "МБОУ Гимназия № 3", "Гимназия № 3", "910", null));
            long venue = registry.createVenue(new VenueDraft(SCHOOL, "Гимназия № 3", null, SCHOOL)).id();
            registry.createAuditorium(venue, new AuditoriumDraft("12", 1, AuditoriumRole.INTERVIEW));
            registry.createExamDay(new ExamDayDraft(java.time.LocalDate.of(2026, 3, 11), ExamDayKind.ADDITIONAL, null));
        }
    }

    @Test
    public void importPrintsProgressAndASummaryAndTheParticipantsAreListed() throws Exception {
        Path file = Files.createTempFile("participants", ".csv");
        Files.write(file, TestData.utf8(TestData.rows(SCHOOL, 7000, 2500)));

        String output = shell("attesta:import " + file);

        assertTrue(output, output.contains("Прочитано строк:"));
        assertTrue(output, output.contains("строк: 2500; добавлено: 2500; без изменений: 0; отклонено: 0"));
        String list = shell("attesta:participants --school " + SCHOOL + " --size 3");
        assertTrue(list, list.contains("из 2500"));
        String schools = shell("attesta:schools -m 910");
        assertTrue(schools, schools.contains(SCHOOL) && schools.contains("Гимназия № 3"));
        String school = shell("attesta:school " + SCHOOL);
        assertTrue(school, school.contains("Участников:     2500"));
        long id = participants.search(new ParticipantQuery(null, SCHOOL, null, new PageRequest(0, 1))).items().get(0).id();
        String one = shell("attesta:participant " + id);
        assertTrue(one, one.contains("Паспорт гражданина РФ"));
    }

    @Test
    public void importWithBadRowsSaysSoInOneLineAndListsThem() throws Exception {
        List<String> rows = new ArrayList<>(TestData.rows(SCHOOL, 8000, 2));
        rows.add(TestData.row("000000", 8002, "Чужой", "Школьник", false));
        Path file = Files.createTempFile("bad", ".csv");
        Files.write(file, TestData.utf8(rows));
        try {
            shell("attesta:import " + file);
            fail("a file with a bad row must not import");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Файл не загружен: строк с ошибками 1 из 3"));
        }
        try {
            shell("attesta:import /no/such/file.csv");
            fail("a missing file is an error");
        } catch (IllegalArgumentException e) {
            assertEquals("Файл не найден: /no/such/file.csv", e.getMessage());
        }
    }

    @Test
    public void seatingIsComputedAndPrintedAsATimetable() throws Exception {
        Path file = Files.createTempFile("seating", ".csv");
        Files.write(file, TestData.utf8(TestData.rows(SCHOOL, 9000, 4)));
        shell("attesta:import --store-valid-rows " + file);
        ExamDay day = registry.examDays(null).stream().filter(d -> d.kind() == ExamDayKind.ADDITIONAL).findFirst().orElseThrow();
        assignments.assignAll(day.id(), SCHOOL);

        String days = shell("attesta:exam-days");
        assertTrue(days, days.contains("2026-03-11") && days.contains("дополнительный"));
        String seating = shell("attesta:seating " + day.id() + " " + SCHOOL);
        assertTrue(seating, seating.contains("09:00"));
        assertTrue(seating, seating.contains("Рассажено: "));
        String shown = shell("attesta:seating --show " + day.id() + " " + SCHOOL);
        assertEquals(seating, shown);
    }

    @Test
    public void everyCommandHasHelp() throws Exception {
        for (String command : new String[] {"participants", "participant", "schools", "school", "exam-days", "exam-day",
                "import", "seating", "accounts", "account", "account-issue", "accounts-issue", "credentials", "audit",
                "audit-verify"}) {
            String help = shell("attesta:" + command + " --help");
            assertTrue(command + ": " + help, help.contains("DESCRIPTION") && help.contains("SYNTAX"));
        }
    }

    @Test
    public void accountsAreIssuedAndTheirPasswordShownOnceFromTheShell() throws Exception {
        String issued = shell("attesta:account-issue -r EXPERT@region shell-expert 'Эксперт из оболочки'");
        assertTrue(issued, issued.contains("shell-expert"));
        String listed = shell("attesta:accounts -q shell- --pending");
        assertTrue(listed, listed.contains("shell-expert") && listed.contains("пароль не выдан"));
        String first = shell("attesta:credentials shell-expert");
        assertTrue(first, first.matches("(?s).*shell-expert.*[A-Za-z2-9]{5}-[A-Za-z2-9]{5}-[A-Za-z2-9]{5}.*"));
        Exception again = assertThrows(Exception.class, () -> shell("attesta:credentials shell-expert"));
        assertTrue(again.getMessage(), again.getMessage().contains("уже был выдан"));
        String reset = shell("attesta:account reset shell-expert");
        assertTrue(reset, reset.contains("новый пароль"));
        String audit = shell("attesta:audit --action account. -o shell-expert");
        assertTrue(audit, audit.contains("account.issued") && audit.contains("account.credentials-viewed")
                && audit.contains("account.reset") && audit.contains("itest-admin"));
    }

    @Test
    public void onlyPlatformAdministratorsReachTheAttestaCommands() {
        Exception refused = assertThrows(Exception.class, () -> shellAs("attesta:accounts", "viewer"));
        assertTrue(refused.toString(), refused.toString().contains("attesta:accounts"));
    }
}

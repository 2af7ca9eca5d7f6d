package org.attesta.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.attesta.api.common.PageRequest;
import org.attesta.api.registry.AuditoriumRole;
import org.attesta.api.registry.ExamDay;
import org.attesta.api.registry.ExamDayKind;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.Participant;
import org.attesta.api.registry.Venue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoDataLoaderTest {
    /** Records the accounts the loader issues. */
    private final List<Object> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final org.attesta.api.security.AccountService accounts = (org.attesta.api.security.AccountService)
            java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {org.attesta.api.security.AccountService.class}, (proxy, method, args) -> {
                        issued.add(args[0]);
                        return method.getName().equals("issueForTerritory")
                                ? new org.attesta.api.security.BulkIssueResult(35, 0) : null;
                    });

    /** Remembers who the loader ran as, for the test that checks it loads as Attesta itself. */
    private static final java.util.List<org.attesta.api.security.Caller> BOUND = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final org.attesta.api.security.CallerContext CALLERS = new org.attesta.api.security.CallerContext() {
        @Override
        public org.attesta.api.security.Caller current() {
            return BOUND.isEmpty() ? org.attesta.api.security.Caller.anonymous(null) : BOUND.get(BOUND.size() - 1);
        }

        @Override
        public Binding bind(org.attesta.api.security.Caller caller) {
            BOUND.add(caller);
            return () -> { };
        }
    };

    private static final int COUNT = 300;
    private static final long SEED = 7;

    private final FakeRegistryService registry = new FakeRegistryService();
    private final FakeParticipantService participants = new FakeParticipantService(registry);
    private final FakeAssignmentService assignments = new FakeAssignmentService(registry, participants);
    private final RecordingLogger log = new RecordingLogger();
    private DemoDataLoader loader;

    @AfterEach
    void deactivate() {
        if (loader != null) {
            loader.stop();
        }
    }

    @Test
    void loadsTheWholeRegionAndAssignsEveryoneToTheMainDay() throws Exception {
        DemoRegion expected = new DemoRegionGenerator(SEED, COUNT).generate();

        activateAndWait(true);

        assertEquals(expected.municipalities().size(), registry.municipalities().size());
        assertEquals(expected.schools().size(), registry.schools(null, null, page()).total());
        assertEquals(expected.venues().size(), registry.allVenues().size());
        assertEquals(expected.auditoriumCount(), auditoriumCount());
        assertEquals(COUNT, participants.all().size());
        ExamDay mainDay = mainDay();
        assertEquals(List.of(new FakeAssignmentService.AssignAllCall(mainDay.id(), null)), assignments.assignAllCalls);
        assertEquals(COUNT, assignments.onDay(mainDay.id()).size());
        assertEquals(3, registry.examDays("2025/26").size());
        assertTrue(log.at("error").isEmpty(), log.all());
        String summary = log.at("info").get(log.at("info").size() - 1).message();
        assertTrue(summary.startsWith("Demo region loaded in "), summary);
        assertTrue(summary.contains(COUNT + " participants, " + COUNT + " assigned to the main day"), summary);
        assertEquals(org.attesta.api.security.Caller.system("demo"), BOUND.get(BOUND.size() - 1),
                "the registry is called as Attesta itself");
        assertEquals("rcoi", ((org.attesta.api.security.AccountDraft) issued.get(0)).login());
        assertEquals(java.util.Set.of(org.attesta.api.security.Role.MUNICIPAL_SPECIALIST,
                org.attesta.api.security.Role.RESPONSIBLE_ORGANIZER, org.attesta.api.security.Role.TECHNICAL_SPECIALIST),
                ((org.attesta.api.security.BulkIssueRequest) issued.get(1)).roles());
    }

    @Test
    void venuesKeepTheirAuditoriums() throws Exception {
        activateAndWait(true);

        for (Venue venue : registry.allVenues()) {
            assertEquals(1, registry.auditoriums(venue.id()).stream()
                    .filter(room -> room.role() == AuditoriumRole.WAITING).count());
            assertEquals(venue.code(), venue.schoolCode());
        }
    }

    @Test
    void logsNoPersonalData() throws Exception {
        activateAndWait(true);

        String logged = log.all();
        for (Participant p : participants.all()) {
            assertFalse(logged.contains(p.document().number()), "document number in the log");
            if (p.snils() != null) {
                assertFalse(logged.contains(p.snils()), "СНИЛС in the log");
            }
            assertFalse(logged.contains(p.surname() + " " + p.name()), "name in the log");
        }
    }

    @Test
    void skipsARegistryThatIsNotEmpty() throws Exception {
        registry.createMunicipality(new MunicipalityDraft("900", "Уже существующий район"));

        activateAndWait(true);

        assertEquals(1, registry.municipalities().size());
        assertTrue(participants.all().isEmpty());
        assertTrue(assignments.assignAllCalls.isEmpty());
        assertTrue(log.at("info").stream().anyMatch(e -> e.message().contains("already holds 1 municipalities")),
                log.all());
    }

    @Test
    void aRestartDoesNotDuplicateTheRegion() throws Exception {
        activateAndWait(true);
        loader.stop();
        int municipalities = registry.municipalities().size();

        activateAndWait(true);

        assertEquals(municipalities, registry.municipalities().size());
        assertEquals(COUNT, participants.all().size());
        assertEquals(1, assignments.assignAllCalls.size());
    }

    @Test
    void disabledDoesNothing() throws Exception {
        activateAndWait(false);

        assertTrue(loader.loading().isDone());
        assertEquals(0, registry.municipalityListings.get(), "does not even look at the registry");
        assertTrue(registry.municipalities().isEmpty());
        assertTrue(assignments.assignAllCalls.isEmpty());
        assertTrue(log.at("info").isEmpty());
    }

    @Test
    void aFailureMidwayIsLoggedAndKeepsWhatWasStored() throws Exception {
        AtomicInteger schoolsTried = new AtomicInteger();
        registry.failingSchool = school -> schoolsTried.incrementAndGet() == 3;

        activateAndWait(true);

        assertEquals(5, registry.municipalities().size(), "stored before the failure");
        assertEquals(2, registry.schools(null, null, page()).total(), "stored before the failure");
        assertTrue(participants.all().isEmpty());
        assertTrue(assignments.assignAllCalls.isEmpty());
        RecordingLogger.Entry error = log.at("error").get(0);
        assertTrue(error.message().contains("failed while loading schools"), error.message());
        assertTrue(error.message().contains("5 municipalities, 2 schools"), error.message());
        assertTrue(error.message().contains("The data stored so far stays"), error.message());
        assertNotNull(error.exception());
        assertEquals("database unavailable", error.exception().getMessage());
    }

    @Test
    void aFailureAmongParticipantsIsLoggedWithoutItsMessage() throws Exception {
        AtomicInteger created = new AtomicInteger();
        participants.beforeCreate = () -> {
            if (created.incrementAndGet() == 10) {
                throw new IllegalStateException("constraint violated by row Иванов Иван 6124 123456");
            }
        };

        activateAndWait(true);

        assertEquals(9, participants.all().size());
        RecordingLogger.Entry error = log.at("error").get(0);
        assertTrue(error.message().contains("while loading participants"), error.message());
        assertTrue(error.message().contains("9 participants"), error.message());
        assertTrue(error.exception().getMessage().startsWith("java.lang.IllegalStateException"));
        assertFalse(log.all().contains("Иванов"), "the message of the failure is withheld");
    }

    @Test
    void rejectedParticipantsAreSkippedAndCounted() throws Exception {
        AtomicInteger tried = new AtomicInteger();
        participants.rejected = draft -> tried.incrementAndGet() % 10 == 0;

        activateAndWait(true);

        assertEquals(COUNT - COUNT / 10, participants.all().size());
        assertEquals(COUNT - COUNT / 10, assignments.onDay(mainDay().id()).size());
        String summary = log.at("info").get(log.at("info").size() - 1).message();
        assertTrue(summary.contains("(" + COUNT / 10 + " rejected: {invalid-input=" + COUNT / 10 + "})"), summary);
        assertFalse(log.all().contains("with personal data"), "rejection messages are not logged");
    }

    @Test
    void existingExamDaysAreReused() throws Exception {
        registry.createExamDay(DemoRegionGenerator.EXAM_DAYS.get(0));

        activateAndWait(true);

        assertEquals(3, registry.examDays(null).size());
        assertEquals(COUNT, assignments.onDay(mainDay().id()).size());
    }

    @Test
    void deactivationStopsTheLoadBetweenTwoCalls() throws Exception {
        CountDownLatch participantsStarted = new CountDownLatch(1);
        participants.beforeCreate = () -> {
            participantsStarted.countDown();
            sleep(20);
        };
        loader = activate(true);
        assertTrue(participantsStarted.await(30, TimeUnit.SECONDS));

        loader.stop();

        assertTrue(loader.loading().isDone());
        assertTrue(participants.all().size() < COUNT, "stopped before the end");
        assertTrue(assignments.assignAllCalls.isEmpty());
        RecordingLogger.Entry warning = log.at("warn").get(0);
        assertTrue(warning.message().startsWith("Demo region load stopped by deactivation while loading participants"),
                warning.message());
    }

    @Test
    void anInvalidCountIsLoggedAndNothingIsLoaded() throws Exception {
        loader = new DemoDataLoader(registry, participants, assignments, CALLERS, accounts, config(true, -5));
        loader.logger = log.logger();
        loader.start();
        loader.loading().get(60, TimeUnit.SECONDS);

        assertTrue(registry.municipalities().isEmpty());
        assertTrue(log.at("error").get(0).message().contains("participant count must be"), log.all());
    }

    private void activateAndWait(boolean enabled) throws Exception {
        loader = activate(enabled);
        loader.loading().get(60, TimeUnit.SECONDS);
    }

    /** Does what SCR does: constructor, field injection, then the activate method. */
    private DemoDataLoader activate(boolean enabled) {
        DemoDataLoader component = new DemoDataLoader(registry, participants, assignments, CALLERS, accounts, config(enabled, COUNT));
        component.logger = log.logger();
        component.start();
        return component;
    }

    private ExamDay mainDay() {
        return registry.examDays("2025/26").stream()
                .filter(day -> day.kind() == ExamDayKind.MAIN)
                .findFirst()
                .orElseThrow();
    }

    private int auditoriumCount() {
        return registry.allVenues().stream().mapToInt(venue -> registry.auditoriums(venue.id()).size()).sum();
    }

    private static PageRequest page() {
        return new PageRequest(0, PageRequest.MAX_SIZE);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DemoDataLoader.Config config(boolean enabled, int participants) {
        return new DemoDataLoader.Config() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int participants() {
                return participants;
            }

            @Override
            public long seed() {
                return SEED;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoDataLoader.Config.class;
            }
        };
    }
}

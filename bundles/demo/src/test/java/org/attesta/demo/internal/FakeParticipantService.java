package org.attesta.demo.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.attesta.api.common.ConflictException;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.common.NotFoundException;
import org.attesta.api.common.Page;
import org.attesta.api.registry.Participant;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.api.registry.ParticipantQuery;
import org.attesta.api.registry.ParticipantService;
import org.attesta.api.registry.Snils;

/** In-memory participants, validated as the contract of ParticipantDraft describes. */
final class FakeParticipantService implements ParticipantService {
    private final FakeRegistryService registry;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Participant> participants = new LinkedHashMap<>();
    private final Set<String> documents = new HashSet<>();
    private final Set<String> snilsNumbers = new HashSet<>();
    /** Rejects the drafts it matches, as the real registry rejects a bad row. */
    Predicate<ParticipantDraft> rejected = draft -> false;
    /** Runs before each create, outside the lock; lets a test slow the loader down. */
    Runnable beforeCreate = () -> { };

    FakeParticipantService(FakeRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public synchronized Page<Participant> search(ParticipantQuery query) {
        return FakeRegistryService.page(participants.values().stream()
                .filter(p -> query.schoolCode() == null || p.schoolCode().equals(query.schoolCode()))
                .toList(), query.page());
    }

    synchronized List<Participant> all() {
        return List.copyOf(participants.values());
    }

    @Override
    public synchronized Participant participant(long id) {
        Participant participant = participants.get(id);
        if (participant == null) {
            throw new NotFoundException("no participant " + id);
        }
        return participant;
    }

    @Override
    public Participant create(ParticipantDraft draft) {
        beforeCreate.run();
        synchronized (this) {
            validate(draft);
            Participant participant = new Participant(ids.incrementAndGet(), draft.surname(), draft.name(),
                    draft.patronymic(), draft.birthDate(), draft.sex(), draft.document(), draft.snils(),
                    draft.schoolCode(), draft.className(),
                    draft.category() == null ? ParticipantCategory.STUDENT : draft.category(),
                    draft.specialNeeds(), draft.extraMinutes() == null ? 0 : draft.extraMinutes(),
                    draft.consentDate());
            participants.put(participant.id(), participant);
            documents.add(documentKey(draft));
            if (draft.snils() != null) {
                snilsNumbers.add(Snils.parse(draft.snils()).digits());
            }
            return participant;
        }
    }

    private void validate(ParticipantDraft draft) {
        if (rejected.test(draft)) {
            throw new InvalidInputException("surname", "rejected by the test, with personal data " + draft.surname());
        }
        if (isBlank(draft.surname()) || isBlank(draft.name()) || draft.birthDate() == null || draft.sex() == null
                || draft.document() == null || isBlank(draft.className())) {
            throw new InvalidInputException("participant", "required field missing");
        }
        if (!registry.hasSchool(draft.schoolCode())) {
            throw InvalidInputException.rule("unknown-school", "schoolCode", draft.schoolCode());
        }
        if (draft.snils() != null && Snils.problemWith(draft.snils()) != null) {
            throw new InvalidInputException("snils", Snils.problemWith(draft.snils()));
        }
        if (documents.contains(documentKey(draft))) {
            throw new ConflictException("duplicate-document", "duplicate document");
        }
        if (draft.snils() != null && snilsNumbers.contains(Snils.parse(draft.snils()).digits())) {
            throw new ConflictException("duplicate-snils", "duplicate СНИЛС");
        }
    }

    @Override
    public Participant update(long id, ParticipantDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void delete(long id) {
        participants.remove(id);
    }

    private static String documentKey(ParticipantDraft draft) {
        return draft.document().type() + " " + draft.document().series() + " " + draft.document().number();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

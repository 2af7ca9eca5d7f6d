package org.attesta.api.registry;

import org.attesta.api.common.Page;
import org.osgi.annotation.versioning.ProviderType;

/** Participants: search, read, and single changes. Bulk loading goes through {@link ParticipantImportService}. */
@ProviderType
public interface ParticipantService {

    Page<Participant> search(ParticipantQuery query);

    Participant participant(long id);

    Participant create(ParticipantDraft draft);

    Participant update(long id, ParticipantDraft draft);

    /** Removes a participant together with the participant's assignments and seats. */
    void delete(long id);
}

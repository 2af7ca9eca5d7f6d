package org.attesta.demo.internal;

import java.util.List;
import org.attesta.api.registry.AuditoriumDraft;
import org.attesta.api.registry.VenueDraft;

/** A venue of the demo region together with the auditoriums to create in it. */
public record DemoVenue(VenueDraft venue, List<AuditoriumDraft> auditoriums) {
    public DemoVenue {
        auditoriums = List.copyOf(auditoriums);
    }
}

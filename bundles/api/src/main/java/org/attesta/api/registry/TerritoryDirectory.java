package org.attesta.api.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where schools and municipalities are now, by the ids that never change, for the decisions
 * that must follow the registry: a role granted in a school keeps to that school when its code
 * changes or it moves to another municipality, and never passes to a new school that reuses the
 * old code. Access policies resolve grants through this service at the time of each request.
 *
 * <p>It answers without an access check of its own (its callers are the access checks), so it
 * returns only codes, names and ids, never a participant.
 */
@ProviderType
public interface TerritoryDirectory {

    /** The schools that still exist among these ids, by id, with their current municipality. */
    Map<Long, School> schoolsById(Collection<Long> ids);

    /** The municipalities that still exist among these ids, by id. */
    Map<Long, Municipality> municipalitiesById(Collection<Long> ids);

    /** The school that has this code now. */
    Optional<School> schoolByCode(String code);

    /** The municipality that has this code now. */
    Optional<Municipality> municipalityByCode(String code);

    /** The ids of the schools that belong to the municipality now. */
    List<Long> schoolIdsOf(long municipalityId);
}

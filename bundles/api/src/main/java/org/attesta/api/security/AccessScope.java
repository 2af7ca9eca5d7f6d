package org.attesta.api.security;

import java.util.Set;

/**
 * The territory in which a caller holds one permission: the whole region, or some
 * municipalities and some schools (a school counts when it is listed itself or its
 * municipality is). Lists are cut to it; single objects outside it are refused.
 */
public record AccessScope(boolean region, Set<String> municipalities, Set<String> schools) {

    public static final AccessScope NONE = new AccessScope(false, Set.of(), Set.of());
    public static final AccessScope REGION = new AccessScope(true, Set.of(), Set.of());

    public AccessScope {
        municipalities = Set.copyOf(municipalities);
        schools = Set.copyOf(schools);
    }

    public boolean isNone() {
        return !region && municipalities.isEmpty() && schools.isEmpty();
    }

    /** Whether an object at this place is inside the scope; region-wide objects need the region. */
    public boolean covers(Territory territory) {
        if (region) {
            return true;
        }
        if (territory.isRegion()) {
            return false;
        }
        if (municipalities.contains(territory.municipalityCode())) {
            return true;
        }
        return territory.schoolCode() != null && schools.contains(territory.schoolCode());
    }

    /** Whether the whole municipality is inside the scope (not just some of its schools). */
    public boolean coversMunicipality(String municipalityCode) {
        return region || municipalities.contains(municipalityCode);
    }
}

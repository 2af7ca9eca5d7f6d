package org.attesta.security.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attesta.api.registry.Municipality;
import org.attesta.api.registry.School;
import org.attesta.api.registry.TerritoryDirectory;
import org.attesta.api.security.RoleGrant;
import org.attesta.api.security.Scope;
import org.attesta.api.security.ScopeLevel;
import org.attesta.api.security.Territory;

/**
 * Where the places of some grants are now, looked up once for a piece of work: a grant
 * follows its school through a change of code or of municipality, and holds nothing once the
 * school or municipality is gone.
 */
final class GrantPlaces {
    private final Map<Long, School> schools;
    private final Map<Long, Municipality> municipalities;

    private GrantPlaces(Map<Long, School> schools, Map<Long, Municipality> municipalities) {
        this.schools = schools;
        this.municipalities = municipalities;
    }

    static GrantPlaces of(TerritoryDirectory directory, Collection<StoredAccount> accounts) {
        return ofGrants(directory, accounts.stream().flatMap(account -> account.grants().stream()).toList());
    }

    static GrantPlaces ofGrants(TerritoryDirectory directory, Collection<StoredAccount.Grant> grants) {
        Set<Long> schoolIds = new HashSet<>();
        Set<Long> municipalityIds = new HashSet<>();
        for (StoredAccount.Grant grant : grants) {
            switch (grant.level()) {
                case SCHOOL -> schoolIds.add(grant.placeId());
                case MUNICIPALITY -> municipalityIds.add(grant.placeId());
                case REGION -> {
                }
            }
        }
        return new GrantPlaces(directory.schoolsById(schoolIds), directory.municipalitiesById(municipalityIds));
    }

    /** The grant with the current code of its place; empty when the place no longer exists. */
    Optional<RoleGrant> roleGrant(StoredAccount.Grant grant) {
        return scope(grant).map(scope -> new RoleGrant(grant.role(), scope));
    }

    List<RoleGrant> roleGrants(List<StoredAccount.Grant> grants) {
        return grants.stream().map(this::roleGrant).flatMap(Optional::stream).toList();
    }

    /**
     * Where the grant's place is now. A grant whose place is gone counts as the region's, so that
     * only region-wide staff may act on an account that holds it.
     */
    Territory territory(StoredAccount.Grant grant) {
        return switch (grant.level()) {
            case REGION -> Territory.region();
            case MUNICIPALITY -> Optional.ofNullable(municipalities.get(grant.placeId()))
                    .map(m -> Territory.municipality(m.code())).orElse(Territory.region());
            case SCHOOL -> Optional.ofNullable(schools.get(grant.placeId()))
                    .map(s -> Territory.school(s.municipalityCode(), s.code())).orElse(Territory.region());
        };
    }

    private Optional<Scope> scope(StoredAccount.Grant grant) {
        if (grant.level() == ScopeLevel.REGION) {
            return Optional.of(Scope.region());
        }
        String code = grant.level() == ScopeLevel.SCHOOL
                ? Optional.ofNullable(schools.get(grant.placeId())).map(School::code).orElse(null)
                : Optional.ofNullable(municipalities.get(grant.placeId())).map(Municipality::code).orElse(null);
        return Optional.ofNullable(code).map(c -> new Scope(grant.level(), c));
    }
}

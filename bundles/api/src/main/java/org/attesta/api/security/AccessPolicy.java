package org.attesta.api.security;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place that decides who may do what where. REST resources declare the permission
 * each operation needs, providers check the territory of each object they touch and cut
 * every list to {@link #scope}; all of them ask this service, about the caller bound in the
 * {@link CallerContext}.
 */
@ProviderType
public interface AccessPolicy {

    /** The permissions the caller holds anywhere. */
    Set<Permission> permissions(Caller caller);

    /** Where the caller holds the permission; {@link AccessScope#NONE} when nowhere. */
    AccessScope scope(Caller caller, Permission permission);

    /**
     * Refuses unless the current caller holds the permission somewhere.
     *
     * @throws org.attesta.api.common.AccessDeniedException when it does not (the refusal is audited)
     */
    void require(Permission permission);

    /**
     * Refuses unless the current caller holds the permission for an object at this place.
     *
     * @throws org.attesta.api.common.AccessDeniedException when it does not (the refusal is audited)
     */
    void require(Permission permission, Territory territory);

    /** {@link #scope} for the current caller. */
    AccessScope scope(Permission permission);

    /** Whether the current caller holds the permission for an object at this place. */
    boolean allows(Permission permission, Territory territory);
}

package org.attesta.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.attesta.api.security.Permission;

/**
 * The permission an operation needs (somewhere in the caller's territory). {@link AuthorizationFilter}
 * enforces it before the operation runs; the provider then checks the territory of each object.
 * An operation with neither this nor {@link PublicEndpoint} is refused to everyone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Permission value();
}

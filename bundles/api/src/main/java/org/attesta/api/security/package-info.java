/**
 * Who may do what, where: staff accounts with roles bound to a territory (the region, one
 * municipality or one school), sessions, the shared access policy that every REST resource,
 * shell command and provider consults, and the protection of personal data at rest.
 */
@Export
@Version("1.1.0")
package org.attesta.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

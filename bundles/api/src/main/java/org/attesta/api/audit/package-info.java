/**
 * The audit log: an append-only record of every security-relevant act, each entry chained to
 * the one before by a hash so that a changed, removed or inserted entry is detected.
 */
@Export
@Version("1.1.0")
package org.attesta.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

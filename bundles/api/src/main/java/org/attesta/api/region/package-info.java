/**
 * What a region may replace. Implementations register as OSGi services; the highest
 * {@code service.ranking} wins, and the built-in defaults register with a negative ranking.
 */
@Export
@Version("1.0.0")
package org.attesta.api.region;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

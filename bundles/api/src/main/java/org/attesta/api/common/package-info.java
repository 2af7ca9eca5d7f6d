/** Types shared by every concern: paging and the failures a service reports to its callers. */
@Export
@Version("1.2.0")
package org.attesta.api.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

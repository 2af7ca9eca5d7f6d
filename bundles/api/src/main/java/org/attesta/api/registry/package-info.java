/**
 * The registry of the region's exam data: municipalities (МОУО), schools (ОО), participants,
 * venues and their auditoriums, exam days, the assignment of participants to exam days, and the
 * seating (рассадка) of assigned participants into auditoriums and time slots.
 */
@Export
@Version("1.1.0")
package org.attesta.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

package org.attesta.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the registry, in etc/org.attesta.registry.cfg. */
@ObjectClassDefinition(id = RegistryConfig.PID, name = "Attesta registry",
        description = "Participants, import and seating")
public @interface RegistryConfig {
    String PID = "org.attesta.registry";

    @AttributeDefinition(description = "Extra interview minutes for participants with special needs (ОВЗ) when a file does not say")
    int special_needs_extra_minutes() default 30;

    @AttributeDefinition(description = "Largest participant file accepted for import, in megabytes")
    int import_max_megabytes() default 512;

    @AttributeDefinition(description = "Most bad rows listed in an import report (all are counted)")
    int import_max_reported_errors() default 1000;

    @AttributeDefinition(description = "Rows written per JDBC batch during an import")
    int import_batch_size() default 1000;

    @AttributeDefinition(description = "Start of the first interview slot, HH:MM, local time")
    String seating_start() default "09:00";

    @AttributeDefinition(description = "Length of one interview slot in minutes")
    int seating_slot_minutes() default 15;

    @AttributeDefinition(description = "Minutes between two participants in one auditorium")
    int seating_changeover_minutes() default 5;
}

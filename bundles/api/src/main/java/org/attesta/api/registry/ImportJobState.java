package org.attesta.api.registry;

/** Where an import job is. */
public enum ImportJobState {
    /** Uploaded and verified, waiting for its turn. */
    QUEUED,
    /** Being read and stored. */
    RUNNING,
    /** Finished and stored (all rows, or the good rows when asked). */
    DONE,
    /** Finished; nothing stored because rows were bad (the report lists them). */
    REJECTED,
    /** Could not be read at all, or stopped by a failure; nothing stored. */
    FAILED
}

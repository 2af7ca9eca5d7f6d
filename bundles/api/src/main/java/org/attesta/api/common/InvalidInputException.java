package org.attesta.api.common;

import java.util.List;

/**
 * Input of the wrong shape or breaking a rule, with one {@link Problem} per bad field or row.
 * {@link #ruleViolation()} tells a well-formed request that breaks a domain rule (HTTP 422)
 * from a malformed one (HTTP 400).
 */
public class InvalidInputException extends AttestaException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;
    private final boolean ruleViolation;

    public InvalidInputException(String field, String message) {
        this("invalid-input", message, List.of(new Problem(0, field, message)), false);
    }

    public InvalidInputException(String type, String message, List<Problem> problems, boolean ruleViolation) {
        super(type, message);
        this.problems = List.copyOf(problems);
        this.ruleViolation = ruleViolation;
    }

    /** A domain rule is broken by otherwise well-formed input (for example an unknown school code). */
    public static InvalidInputException rule(String type, String field, String message) {
        return new InvalidInputException(type, message, List.of(new Problem(0, field, message)), true);
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean ruleViolation() {
        return ruleViolation;
    }
}

package org.attesta.api.security;

/**
 * Where an object lives, for access checks: a school (with its municipality), a municipality,
 * or the region as a whole (both codes null) for region-wide objects such as exam days.
 */
public record Territory(String municipalityCode, String schoolCode) {

    public Territory {
        if (schoolCode != null && municipalityCode == null) {
            throw new IllegalArgumentException("a school territory needs its municipality");
        }
    }

    public static Territory region() {
        return new Territory(null, null);
    }

    public static Territory municipality(String code) {
        return new Territory(code, null);
    }

    public static Territory school(String municipalityCode, String schoolCode) {
        return new Territory(municipalityCode, schoolCode);
    }

    public boolean isRegion() {
        return municipalityCode == null;
    }
}

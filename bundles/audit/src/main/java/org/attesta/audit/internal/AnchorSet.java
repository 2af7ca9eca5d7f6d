package org.attesta.audit.internal;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The anchors read from the anchor file, split into those whose signature holds, in sequence
 * order, and the lines that are not genuine anchors (changed, forged or garbled).
 */
final class AnchorSet {
    static final AnchorSet NONE = new AnchorSet(List.of(), List.of());

    /** A line that is not a genuine anchor; {@code sequence} is what it claims, or 0. */
    record Rejected(int line, long sequence, boolean readable) {
    }

    private final List<Anchor> valid;
    private final List<Rejected> rejected;

    private AnchorSet(List<Anchor> valid, List<Rejected> rejected) {
        this.valid = valid;
        this.rejected = rejected;
    }

    static AnchorSet of(List<String> lines, PublicKey key) {
        List<Anchor> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Anchor anchor = Anchor.parse(line);
                if (anchor.verifiedBy(key)) {
                    valid.add(anchor);
                } else {
                    rejected.add(new Rejected(i + 1, anchor.sequence(), true));
                }
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(i + 1, 0, false));
            }
        }
        valid.sort(Comparator.comparingLong(Anchor::sequence));
        return new AnchorSet(List.copyOf(valid), List.copyOf(rejected));
    }

    /**
     * The genuine anchor nearest the end of the file, or null. The timer needs only this one,
     * and checking every signature each time would grow with the file (one line per interval).
     */
    static Anchor lastOf(List<String> lines, PublicKey key) {
        Anchor last = null;
        for (int i = lines.size() - 1; i >= 0 && last == null; i--) {
            try {
                Anchor anchor = lines.get(i).isBlank() ? null : Anchor.parse(lines.get(i));
                last = anchor != null && anchor.verifiedBy(key) ? anchor : null;
            } catch (IllegalArgumentException e) {
                // a garbled line: verify() reports it; the timer continues from a genuine one
            }
        }
        return last;
    }

    /** Only {@code anchor}: what an incremental check starts from. */
    static AnchorSet only(Anchor anchor) {
        return new AnchorSet(List.of(anchor), List.of());
    }

    List<Anchor> valid() {
        return valid;
    }

    List<Rejected> rejected() {
        return rejected;
    }

    int size() {
        return valid.size() + rejected.size();
    }

    /** The genuine anchor with the highest sequence, or null. */
    Anchor last() {
        return valid.isEmpty() ? null : valid.get(valid.size() - 1);
    }

    /**
     * The last entry that may be written without the key: the lowest that any genuine anchor
     * states (they all state the same unless the log was forged before an anchor), or
     * {@link Long#MAX_VALUE} when no anchor says anything.
     */
    long legacyEnd() {
        return valid.stream().mapToLong(Anchor::legacyEnd).min().orElse(Long.MAX_VALUE);
    }
}

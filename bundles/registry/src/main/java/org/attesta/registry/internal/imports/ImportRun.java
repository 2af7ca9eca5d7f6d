package org.attesta.registry.internal.imports;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attesta.api.common.Problem;
import org.attesta.api.region.ParticipantField;
import org.attesta.api.region.ParticipantRow;
import org.attesta.api.region.ParticipantRowReader;
import org.attesta.api.registry.ImportProgress;
import org.attesta.api.registry.ImportReport;
import org.attesta.api.registry.ParticipantCategory;
import org.attesta.api.registry.ParticipantDraft;
import org.attesta.registry.internal.ParticipantMapping;
import org.attesta.registry.internal.SealedPersonalData;
import org.attesta.registry.internal.Text;

/**
 * One import, read once from start to end: every row is validated, checked against the rest of
 * the file and the registry, and written in batches inside the caller's transaction. Once a bad
 * row is seen in all-or-nothing mode, writing stops but checking goes on, so the report lists
 * every bad row; the caller then rolls back.
 */
final class ImportRun {
    private static final int PROGRESS_EVERY = 1000;

    private final ParticipantRowReader reader;
    private final ParticipantWriter writer;
    private final ImportLimits limits;
    private final boolean storeValidRows;
    private final ImportProgress progress;
    private final RowValidator validator;
    private final Map<String, Long> schoolIds;
    private final java.util.Set<String> allowedSchools;
    private final SealedPersonalData sealed;
    private final boolean registryEmpty;
    private final LongHashSet documentsInFile = new LongHashSet();
    private final LongHashSet snilsInFile = new LongHashSet();
    private final List<NewParticipant> chunk = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();
    private final Map<Long, Long> createdBySchool = new java.util.HashMap<>();
    private java.util.Set<Long> allowedSchoolIds;
    private long rows;
    private long created;
    private long unchanged;
    private long rejected;

    /**
     * @param allowedSchools the codes of the schools the caller may import into, or null for all
     * @param sealed seals documents and СНИЛС and makes their keyed duplicate keys
     */
    ImportRun(ParticipantRowReader reader, ParticipantWriter writer, ImportLimits limits, boolean storeValidRows,
            ImportProgress progress, Clock clock, java.util.Set<String> allowedSchools, SealedPersonalData sealed)
            throws SQLException {
        this.allowedSchools = allowedSchools;
        this.sealed = sealed;
        this.reader = reader;
        this.writer = writer;
        this.limits = limits;
        this.storeValidRows = storeValidRows;
        this.progress = progress;
        this.validator = new RowValidator(clock);
        this.schoolIds = writer.schoolIds();
        this.registryEmpty = writer.isEmpty();
    }

    ImportReport run(String formatName) throws SQLException {
        for (ParticipantRow row = reader.next(); row != null; row = reader.next()) {
            rows++;
            accept(row);
            if (chunk.size() >= limits.batchSize()) {
                writeChunk();
            }
            if (rows % PROGRESS_EVERY == 0) {
                progress.advanced(rows, reader.bytesRead());
            }
        }
        writeChunk();
        progress.advanced(rows, reader.bytesRead());
        // Registry clashes are found when a batch is written, after later rows failed validation.
        errors.sort(Comparator.comparingLong(Problem::line));
        boolean stored = rejected == 0 || storeValidRows;
        if (stored && created > 0) {
            writer.addCounts(createdBySchool);
        }
        return new ImportReport(formatName, rows, stored ? created : 0, unchanged, rejected, stored && created > 0, errors);
    }

    private void accept(ParticipantRow row) {
        RowValidator.Validated validated = validator.validate(row, RowProblemSource.of(reader));
        if (!validated.valid()) {
            reject(validated.problems());
            return;
        }
        ParticipantDraft draft = validated.draft();
        Long schoolId = schoolIds.get(draft.schoolCode());
        if (schoolId == null) {
            reject(List.of(new Problem(row.line(), ParticipantField.SCHOOL_CODE.title(),
                    "ОО с кодом «" + draft.schoolCode() + "» нет в реестре. Проверьте код или сначала добавьте ОО")));
            return;
        }
        if (allowedSchools != null && !allowedSchools.contains(draft.schoolCode())) {
            reject(List.of(new Problem(row.line(), ParticipantField.SCHOOL_CODE.title(),
                    "ОО «" + draft.schoolCode() + "» не относится к вашей территории: загружать её участников "
                            + "вы не можете")));
            return;
        }
        NewParticipant participant = toNew(row.line(), draft, schoolId);
        List<Problem> duplicates = duplicatesInFile(participant);
        if (!duplicates.isEmpty()) {
            reject(duplicates);
            return;
        }
        chunk.add(participant);
    }

    private List<Problem> duplicatesInFile(NewParticipant p) {
        List<Problem> problems = new ArrayList<>(2);
        long documentLine = documentsInFile.addIfAbsent(LongHashSet.hash(p.documentKey()), p.line());
        if (documentLine >= 0) {
            problems.add(new Problem(p.line(), ParticipantField.DOCUMENT_NUMBER.title(),
                    "Документ повторяется: он уже есть в строке " + documentLine + " этого файла"));
        }
        if (p.snilsKey() != null) {
            long snilsLine = snilsInFile.addIfAbsent(LongHashSet.hash(p.snilsKey()), p.line());
            if (snilsLine >= 0) {
                problems.add(new Problem(p.line(), ParticipantField.SNILS.title(),
                        "СНИЛС повторяется: он уже есть в строке " + snilsLine + " этого файла"));
            }
        }
        return problems;
    }

    /** Checks the buffered rows against the registry in two queries, then writes the new ones. */
    private void writeChunk() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, ParticipantWriter.Stored> byDocument = Map.of();
        Map<String, ParticipantWriter.Stored> bySnils = Map.of();
        if (!registryEmpty) {
            Set<String> documentKeys = new LinkedHashSet<>();
            Set<String> snilsKeys = new LinkedHashSet<>();
            for (NewParticipant p : chunk) {
                documentKeys.add(p.documentKey());
                if (p.snilsKey() != null) {
                    snilsKeys.add(p.snilsKey());
                }
            }
            byDocument = writer.existing("document_key", documentKeys);
            bySnils = writer.existing("snils_key", snilsKeys);
        }
        for (NewParticipant p : chunk) {
            write(p, byDocument.get(p.documentKey()), p.snilsKey() == null ? null : bySnils.get(p.snilsKey()));
        }
        chunk.clear();
    }

    private void write(NewParticipant p, ParticipantWriter.Stored sameDocument, ParticipantWriter.Stored sameSnils)
            throws SQLException {
        if (sameDocument != null && sameDocument.fields().equals(p.fields())) {
            unchanged++;
            return;
        }
        List<Problem> problems = new ArrayList<>(2);
        if (sameDocument != null) {
            problems.add(new Problem(p.line(), ParticipantField.DOCUMENT_NUMBER.title(), visible(sameDocument)
                    ? "Участник с таким документом уже есть в реестре (id " + sameDocument.id()
                            + ") с другими данными. Исправьте данные в реестре или в файле"
                    : DuplicateKeys.REGISTERED_ELSEWHERE));
        }
        if (sameSnils != null && (sameDocument == null || sameSnils.id() != sameDocument.id())) {
            problems.add(new Problem(p.line(), ParticipantField.SNILS.title(), visible(sameSnils)
                    ? "Этот СНИЛС уже есть в реестре у другого участника (id " + sameSnils.id() + ")"
                    : DuplicateKeys.REGISTERED_ELSEWHERE));
        }
        if (!problems.isEmpty()) {
            reject(problems);
            return;
        }
        if (rejected == 0 || storeValidRows) {
            writer.insert(p);
            created++;
            createdBySchool.merge(p.schoolId(), 1L, Long::sum);
        }
    }

    /**
     * Whether the clashing record lies in the caller's territory: only then may the error name it.
     * Otherwise an import would tell a school where any person is enrolled.
     */
    private boolean visible(ParticipantWriter.Stored stored) {
        if (allowedSchools == null) {
            return true;
        }
        if (allowedSchoolIds == null) {
            allowedSchoolIds = new java.util.HashSet<>();
            schoolIds.forEach((code, id) -> {
                if (allowedSchools.contains(code)) {
                    allowedSchoolIds.add(id);
                }
            });
        }
        return allowedSchoolIds.contains(stored.fields().schoolId());
    }

    private void reject(List<Problem> problems) {
        rejected++;
        for (Problem problem : problems) {
            if (errors.size() < limits.maxReportedErrors()) {
                errors.add(problem);
            }
        }
    }

    private NewParticipant toNew(long line, ParticipantDraft d, long schoolId) {
        return new NewParticipant(line, d.surname(), d.name(), d.patronymic(),
                Text.participantSearchKey(d.surname(), d.name(), d.patronymic()), d.birthDate(),
                ParticipantMapping.sexCode(d.sex()), d.document().type().code(), sealed.seal(d.document().series()),
                sealed.seal(d.document().number()), sealed.documentKey(d.document()), sealed.seal(d.snils()),
                sealed.snilsKey(d.snils()), schoolId, d.className(),
                (d.category() == null ? ParticipantCategory.STUDENT : d.category()).name(), d.specialNeeds(),
                d.specialNeeds() ? limits.specialNeedsExtraMinutes() : 0);
    }
}

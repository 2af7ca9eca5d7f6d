package org.attesta.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.attesta.api.common.Problem;
import org.attesta.api.registry.ImportRejectedException;
import org.attesta.api.registry.ImportReport;
import org.attesta.api.registry.ImportRequest;
import org.attesta.api.registry.ParticipantImportService;

@Service
@Command(scope = "attesta", name = "import", description = "Imports participants from a file exported by the regional database. "
        + "With any bad row nothing is stored unless --store-valid-rows is given.")
public class ImportParticipants extends AttestaAction {
    private static final int LISTED_ERRORS = 20;

    @Reference
    private ParticipantImportService importer;

    @Argument(name = "file", description = "Path of the file (CSV in UTF-8 or Windows-1251)", required = true)
    @Completion(FileCompleter.class)
    private String file;

    @Option(name = "--store-valid-rows", description = "Store the good rows and list the rejected ones")
    private boolean storeValidRows;

    @Option(name = "-t", aliases = "--type", description = "Media type of the file (chooses the import format)")
    private String mediaType = "text/csv";

    @Option(name = "--all-errors", description = "List every reported bad row, not only the first " + LISTED_ERRORS)
    private boolean allErrors;

    @Override
    protected Object run() throws IOException {
        Path path = Path.of(file).toAbsolutePath();
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Файл не найден: " + path);
        }
        PrintStream out = System.out;
        ProgressLine progress = new ProgressLine(out, size);
        ImportReport report;
        try (InputStream in = Files.newInputStream(path)) {
            report = importer.importParticipants(new ImportRequest(mediaType, storeValidRows, path.getFileName().toString()),
                    in, progress);
        } catch (ImportRejectedException e) {
            progress.finish();
            printErrors(out, e.report());
            throw new IllegalStateException(e.getMessage());
        } finally {
            // The error or the summary starts on a line of its own, never after the progress.
            progress.finish();
        }
        print("Формат: " + report.format() + "; строк: " + report.rows() + "; добавлено: " + report.created()
                + "; без изменений: " + report.unchanged() + "; отклонено: " + report.rejected());
        printErrors(out, report);
        return null;
    }

    private void printErrors(PrintStream out, ImportReport report) {
        int limit = allErrors ? Integer.MAX_VALUE : LISTED_ERRORS;
        report.errors().stream().limit(limit).forEach(error -> print(line(error)));
        if (report.errors().size() > limit) {
            print("… и ещё " + (report.errors().size() - limit) + " (все: --all-errors)");
        }
    }

    static String line(Problem problem) {
        return "  строка " + problem.line() + (problem.column() == null || problem.column().isEmpty() ? "" : ", «" + problem.column() + "»")
                + ": " + problem.message();
    }
}

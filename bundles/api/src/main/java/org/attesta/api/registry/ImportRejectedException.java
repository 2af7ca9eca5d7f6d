package org.attesta.api.registry;

import org.attesta.api.common.InvalidInputException;

/** An import stored nothing because rows were bad; {@link #report()} lists them. */
public class ImportRejectedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final transient ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super("import-rejected",
                "Файл не загружен: строк с ошибками " + report.rejected() + " из " + report.rows()
                        + ". Исправьте их и загрузите файл снова или загрузите только верные строки.",
                report.errors(), true);
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}

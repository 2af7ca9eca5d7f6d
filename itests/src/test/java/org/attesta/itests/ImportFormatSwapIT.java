package org.attesta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;
import org.attesta.api.common.InvalidInputException;
import org.attesta.api.registry.ImportProgress;
import org.attesta.api.registry.ImportReport;
import org.attesta.api.registry.ImportRequest;
import org.attesta.api.registry.MunicipalityDraft;
import org.attesta.api.registry.ParticipantImportService;
import org.attesta.api.registry.RegistryService;
import org.attesta.api.registry.SchoolDraft;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The region SPI: a region bundle installed into the running server takes over the import of
 * its format; uninstalled, the built-in reader is back. No restart either way.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImportFormatSwapIT extends AttestaTestSupport {
    private static final String SCHOOL = "920001";
    private static final String FULL_NAME_FILE = "ФИО;Дата рождения;Пол;Документ;СНИЛС;Код ОО;Класс;ОВЗ\n"
            + "Сидорова Анна Павловна;01.02.2011;Ж;1 6121 555001;" + TestData.snils(555_001) + ";" + SCHOOL + ";9А;нет\n";

    @Inject
    private BundleContext context;

    @Inject
    private RegistryService registry;

    @Inject
    private ParticipantImportService importer;

    @Configuration
    public Option[] config() {
        return baseConfig(systemProperty("attesta.regionExample").value(System.getProperty("attesta.regionExample")));
    }

    @Test
    public void regionFormatIsUsedWhileInstalledAndTheDefaultComesBack() throws Exception {
        registry.createMunicipality(new MunicipalityDraft("920", "Регион-пример"));
        registry.createSchool(new SchoolDraft(SCHOOL, "МБОУ СОШ № 20", null, "920", null));
        assertEquals("csv", importStandard(5_000).format());

        Bundle region = context.installBundle(new File(System.getProperty("attesta.regionExample")).toURI().toString());
        region.start();
        Poll.until(AttestaTestSupport.STARTUP, "the region format to take over text/csv",
                () -> "region-example-fio".equals(tryImport(FULL_NAME_FILE)));

        region.uninstall();
        Poll.until(AttestaTestSupport.STARTUP, "the built-in format to be back", () -> {
            try {
                tryImport(FULL_NAME_FILE);
                return false;
            } catch (InvalidInputException e) {
                return e.type().equals("unknown-column");
            }
        });
        assertEquals("csv", importStandard(5_010).format());
    }

    private ImportReport importStandard(long first) {
        return importer.importParticipants(new ImportRequest("text/csv", false, "itest"),
                new ByteArrayInputStream(TestData.utf8(TestData.rows(SCHOOL, first, 3))), ImportProgress.NONE);
    }

    private String tryImport(String text) {
        ImportReport report = importer.importParticipants(new ImportRequest("text/csv", true, "itest"),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ImportProgress.NONE);
        if (report.rejected() > 0) {
            fail("rejected: " + report.errors());
        }
        return report.format();
    }
}

package org.attesta.shell.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.ChainVerification;

@Service
@Command(scope = "attesta", name = "audit-verify", description = "Checks the audit log's keyed hash chain against "
        + "the signed anchors and names the first entry that was forged, changed, removed or inserted")
public class VerifyAudit extends AttestaAction {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    @Reference
    private AuditLog audit;

    @Override
    protected Object run() {
        ChainVerification result = audit.verify();
        if (result.intact()) {
            print("Журнал аудита цел: проверено записей " + result.entries());
        } else {
            print("Журнал аудита нарушен: запись № " + result.firstBroken() + ". " + result.reason()
                    + " (проверено записей: " + result.entries() + ")");
        }
        System.out.println(anchors(result));
        return result.intact() ? null : result;
    }

    static String anchors(ChainVerification result) {
        if (result.anchors() == 0) {
            return "Якорей нет: конец журнала сверен только с заголовком в базе данных.";
        }
        if (result.anchoredAt() == null) {
            return "Якорей проверено: " + result.anchors() + ", ни один не прошёл проверку подписи.";
        }
        return "Якорей проверено: " + result.anchors() + "; последний подтверждает запись № "
                + result.anchoredSequence() + " на " + TIME.format(result.anchoredAt()) + ".";
    }
}

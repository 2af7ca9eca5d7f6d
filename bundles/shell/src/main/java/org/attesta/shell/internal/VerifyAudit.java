package org.attesta.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.ChainVerification;

@Service
@Command(scope = "attesta", name = "audit-verify", description = "Checks the audit log's hash chain and names the "
        + "first entry that was changed, removed or inserted")
public class VerifyAudit extends AttestaAction {
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
        return result.intact() ? null : result;
    }
}

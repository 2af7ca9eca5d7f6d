package org.attesta.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.attesta.api.audit.AuditEntry;
import org.attesta.api.audit.AuditLog;
import org.attesta.api.audit.AuditQuery;
import org.attesta.api.common.Page;
import org.attesta.api.common.PageRequest;

@Service
@Command(scope = "attesta", name = "audit", description = "Searches the audit log, newest first")
public class SearchAudit extends AttestaAction {
    @Reference
    private AuditLog audit;

    @Option(name = "-a", aliases = "--actor", description = "Who acted (login)")
    private String actor;

    @Option(name = "--action", description = "Action, or its start ending with a dot, e.g. account.")
    private String action;

    @Option(name = "-t", aliases = "--type", description = "Object type, e.g. participant")
    private String objectType;

    @Option(name = "-o", aliases = "--object", description = "Object id")
    private String objectId;

    @Option(name = "--from", description = "From this instant, e.g. 2026-02-11T00:00:00Z")
    private String from;

    @Option(name = "--page", description = "Page number, from 0")
    private int page;

    @Option(name = "--size", description = "Entries per page")
    private int size = PageRequest.DEFAULT_SIZE;

    @Override
    protected Object run() {
        Page<AuditEntry> found = audit.search(new AuditQuery(actor, objectType, objectId, action, null,
                from == null ? null : Instant.parse(from), null, new PageRequest(page, size)));
        ShellTable table = new ShellTable();
        table.column("№");
        table.column("Время");
        table.column("Кто");
        table.column("Откуда");
        table.column("Действие");
        table.column("Объект");
        table.column("Исход");
        for (AuditEntry e : found.items()) {
            row(table, e.sequence(), e.at(), e.actor(), e.address(), e.action(),
                    e.objectType() == null ? "" : e.objectType() + (e.objectId() == null ? "" : " " + e.objectId()),
                    e.outcome());
        }
        table.print(System.out);
        print(Pages.footer(found, page, size));
        return null;
    }
}

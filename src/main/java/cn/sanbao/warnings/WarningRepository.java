package cn.sanbao.warnings;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import cn.sanbao.security.UnitScope;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.notify.Notifications;

/** Read side for pages and the API: a case with its warnings, history, files and (for the department) messages. */
@Service
public class WarningRepository {

    private final CaseService cases;
    private final CaseRepository caseRows;
    private final PublicationRepository publications;
    private final Notifications outbox;
    private final UnitScope scope;

    public WarningRepository(CaseService cases, CaseRepository caseRows, PublicationRepository publications, Notifications outbox,
                          UnitScope scope) {
        this.cases = cases;
        this.caseRows = caseRows;
        this.publications = publications;
        this.outbox = outbox;
        this.scope = scope;
    }

    public CaseDetail detail(long id) {
        CaseService.CaseRow row = cases.get(id);
        List<Warning> warnings = publications.warningsOfCase(id);
        List<OutboxMessage> messages = new ArrayList<>();
        if (scope.seesAll()) for (Warning w : warnings) messages.addAll(outbox.ofWarning(w.id()));
        return new CaseDetail(row, warnings, caseRows.events(id), caseRows.attachments(id), messages);
    }

    public byte[] attachment(long caseId, long attachmentId) {
        cases.get(caseId);
        return caseRows.attachmentContent(caseId, attachmentId).orElseThrow(() -> new NoSuchElementException("附件 #" + attachmentId + " 不存在"));
    }

    public CaseRepository.Attachment attachmentInfo(long caseId, long attachmentId) {
        cases.get(caseId);
        return caseRows.attachments(caseId).stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("附件 #" + attachmentId + " 不存在"));
    }
}

package cn.sanbao.warnings;

import java.util.List;
import cn.sanbao.notify.OutboxMessage;

/** Everything shown on a case page; {@code messages} is empty for users who may not see the delivery log. */
public record CaseDetail(CaseService.CaseRow row, List<Warning> warnings, List<CaseEvent> history,
                         List<CaseRepository.Attachment> attachments, List<OutboxMessage> messages) {
}

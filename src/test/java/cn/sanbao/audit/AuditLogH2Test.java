package cn.sanbao.audit;

import cn.sanbao.testsupport.OnH2;

@OnH2
class AuditLogH2Test extends AuditLogContract {
}

package cn.sanbao.audit;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class AuditLogPostgresTest extends AuditLogContract {
}

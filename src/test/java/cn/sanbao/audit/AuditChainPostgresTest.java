package cn.sanbao.audit;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class AuditChainPostgresTest extends AuditChainContract {
}

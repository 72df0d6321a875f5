package cn.sanbao.warnings;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class EscalationPostgresTest extends EscalationContract {
}

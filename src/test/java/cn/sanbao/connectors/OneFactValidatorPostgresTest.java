package cn.sanbao.connectors;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class OneFactValidatorPostgresTest extends OneFactValidatorContract {
}

package cn.sanbao.facts;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class FactRepositoryPostgresTest extends FactRepositoryContract {
}

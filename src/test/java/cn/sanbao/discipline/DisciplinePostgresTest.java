package cn.sanbao.discipline;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class DisciplinePostgresTest extends DisciplineContract {
}

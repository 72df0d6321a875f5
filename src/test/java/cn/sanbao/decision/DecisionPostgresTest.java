package cn.sanbao.decision;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class DecisionPostgresTest extends DecisionContract {
}

package cn.sanbao.intake;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class RescoringEventPostgresTest extends RescoringEventContract {
}

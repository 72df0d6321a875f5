package cn.sanbao.intake;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class IntakeFilePostgresTest extends IntakeFileContract {
}

package cn.sanbao.warnings;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class WarningsLanguagePostgresTest extends WarningsLanguageContract {
}

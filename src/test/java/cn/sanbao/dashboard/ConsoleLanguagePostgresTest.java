package cn.sanbao.dashboard;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class ConsoleLanguagePostgresTest extends ConsoleLanguageContract {
}

package cn.sanbao.portrait;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class PortraitPostgresTest extends PortraitContract {
}

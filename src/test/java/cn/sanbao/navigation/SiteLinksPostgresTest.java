package cn.sanbao.navigation;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class SiteLinksPostgresTest extends SiteLinksContract {
}

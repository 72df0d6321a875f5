package cn.sanbao.navigation;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class SiteNavigationPostgresTest extends SiteNavigationContract {
}

package cn.sanbao.navigation;

import cn.sanbao.testsupport.OnH2;

@OnH2
class SiteNavigationH2Test extends SiteNavigationContract {
}

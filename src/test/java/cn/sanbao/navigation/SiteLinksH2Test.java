package cn.sanbao.navigation;

import cn.sanbao.testsupport.OnH2;

@OnH2
class SiteLinksH2Test extends SiteLinksContract {
}

package cn.sanbao.facts;

import cn.sanbao.testsupport.OnH2;

@OnH2
class FactStoreH2Test extends FactStoreContract {
}

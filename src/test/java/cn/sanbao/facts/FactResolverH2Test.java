package cn.sanbao.facts;

import cn.sanbao.testsupport.OnH2;

@OnH2
class FactResolverH2Test extends FactResolverContract {
}

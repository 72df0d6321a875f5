package cn.sanbao.facts;

import cn.sanbao.testsupport.OnH2;

@OnH2
class FactRepositoryH2Test extends FactRepositoryContract {
}

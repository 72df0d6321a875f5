package cn.sanbao.decision;

import cn.sanbao.testsupport.OnH2;

@OnH2
class DecisionH2Test extends DecisionContract {
}

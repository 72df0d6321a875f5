package cn.sanbao.monitoring;

import cn.sanbao.testsupport.OnH2;

@OnH2
class FsmsSampleH2Test extends FsmsSampleContract {
}

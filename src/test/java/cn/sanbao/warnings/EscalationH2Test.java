package cn.sanbao.warnings;

import cn.sanbao.testsupport.OnH2;

@OnH2
class EscalationH2Test extends EscalationContract {
}

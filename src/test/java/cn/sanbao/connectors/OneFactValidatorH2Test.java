package cn.sanbao.connectors;

import cn.sanbao.testsupport.OnH2;

@OnH2
class OneFactValidatorH2Test extends OneFactValidatorContract {
}

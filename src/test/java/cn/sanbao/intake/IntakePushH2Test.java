package cn.sanbao.intake;

import cn.sanbao.testsupport.OnH2;

@OnH2
class IntakePushH2Test extends IntakePushContract {
}

package cn.sanbao.intake;

import cn.sanbao.testsupport.OnH2;

@OnH2
class IntakeLanguageH2Test extends IntakeLanguageContract {
}

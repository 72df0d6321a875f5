package cn.sanbao.intake;

import cn.sanbao.testsupport.OnH2;

@OnH2
class RescoringEventH2Test extends RescoringEventContract {
}

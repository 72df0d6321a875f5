package cn.sanbao.intake;

import cn.sanbao.testsupport.OnH2;

@OnH2
class HostileFileH2Test extends HostileFileContract {
}

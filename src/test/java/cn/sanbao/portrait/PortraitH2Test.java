package cn.sanbao.portrait;

import cn.sanbao.testsupport.OnH2;

@OnH2
class PortraitH2Test extends PortraitContract {
}

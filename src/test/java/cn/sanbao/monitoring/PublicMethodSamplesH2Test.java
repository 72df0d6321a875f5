package cn.sanbao.monitoring;

import cn.sanbao.testsupport.OnH2;

@OnH2
class PublicMethodSamplesH2Test extends PublicMethodSamplesContract {
}

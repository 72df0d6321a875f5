package cn.sanbao.demo;

import cn.sanbao.testsupport.OnH2;

@OnH2
class DemoStoryH2Test extends DemoStoryContract {
}

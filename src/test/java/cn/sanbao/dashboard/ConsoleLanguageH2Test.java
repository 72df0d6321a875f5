package cn.sanbao.dashboard;

import cn.sanbao.testsupport.OnH2;

@OnH2
class ConsoleLanguageH2Test extends ConsoleLanguageContract {
}

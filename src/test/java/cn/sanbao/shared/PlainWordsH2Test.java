package cn.sanbao.shared;

import cn.sanbao.testsupport.OnH2;

@OnH2
class PlainWordsH2Test extends PlainWordsContract {
}

package cn.sanbao.shared;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class PlainWordsPostgresTest extends PlainWordsContract {
}

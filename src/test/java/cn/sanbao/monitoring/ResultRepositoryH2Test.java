package cn.sanbao.monitoring;

import cn.sanbao.testsupport.OnH2;

@OnH2
class ResultRepositoryH2Test extends ResultRepositoryContract {
}

package cn.sanbao.discipline;

import cn.sanbao.testsupport.OnH2;

@OnH2
class DisciplineH2Test extends DisciplineContract {
}

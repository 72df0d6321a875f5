package cn.sanbao.dashboard;

import cn.sanbao.testsupport.OnH2;

@OnH2
class DashboardH2Test extends DashboardContract {
}

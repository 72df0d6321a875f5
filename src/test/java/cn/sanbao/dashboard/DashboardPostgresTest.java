package cn.sanbao.dashboard;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class DashboardPostgresTest extends DashboardContract {
}

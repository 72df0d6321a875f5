package cn.sanbao.region;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class RegionTreePostgresTest extends RegionTreeContract {
}

package cn.sanbao.region;

import cn.sanbao.testsupport.OnH2;

@OnH2
class RegionTreeH2Test extends RegionTreeContract {
}

package cn.sanbao.demo;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class DemoStoryPostgresTest extends DemoStoryContract {
}

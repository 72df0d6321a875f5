package cn.sanbao.projects;

import cn.sanbao.testsupport.OnH2;

@OnH2
class ProjectListsH2Test extends ProjectListsContract {
}

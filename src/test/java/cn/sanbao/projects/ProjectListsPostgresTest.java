package cn.sanbao.projects;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class ProjectListsPostgresTest extends ProjectListsContract {
}

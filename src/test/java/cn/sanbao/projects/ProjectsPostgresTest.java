package cn.sanbao.projects;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class ProjectsPostgresTest extends ProjectsContract {
}

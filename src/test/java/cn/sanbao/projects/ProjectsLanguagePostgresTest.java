package cn.sanbao.projects;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class ProjectsLanguagePostgresTest extends ProjectsLanguageContract {
}

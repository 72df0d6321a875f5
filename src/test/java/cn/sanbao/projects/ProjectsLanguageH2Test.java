package cn.sanbao.projects;

import cn.sanbao.testsupport.OnH2;

@OnH2
class ProjectsLanguageH2Test extends ProjectsLanguageContract {
}

package cn.sanbao.models;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class ModelEditorPostgresTest extends ModelEditorContract {
}

package cn.sanbao.models;

import cn.sanbao.testsupport.OnH2;

@OnH2
class ModelEditorH2Test extends ModelEditorContract {
}

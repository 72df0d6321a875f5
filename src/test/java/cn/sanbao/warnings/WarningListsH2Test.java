package cn.sanbao.warnings;

import cn.sanbao.testsupport.OnH2;

@OnH2
class WarningListsH2Test extends WarningListsContract {
}

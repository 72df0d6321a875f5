package cn.sanbao.security;

import cn.sanbao.testsupport.OnH2;

@OnH2
class OperationsAccessH2Test extends OperationsAccessContract {
}

package cn.sanbao.security;

import cn.sanbao.testsupport.OnH2;

@OnH2
class AccountChangesH2Test extends AccountChangesContract {
}

package cn.sanbao.security;

import cn.sanbao.testsupport.OnH2;

@OnH2
class SignInLimitsH2Test extends SignInLimitsContract {
}

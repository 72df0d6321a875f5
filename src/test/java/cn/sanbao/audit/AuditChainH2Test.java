package cn.sanbao.audit;

import cn.sanbao.testsupport.OnH2;

@OnH2
class AuditChainH2Test extends AuditChainContract {
}

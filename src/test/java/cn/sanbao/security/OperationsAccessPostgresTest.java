package cn.sanbao.security;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class OperationsAccessPostgresTest extends OperationsAccessContract {
}

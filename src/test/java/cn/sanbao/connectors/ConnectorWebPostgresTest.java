package cn.sanbao.connectors;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class ConnectorWebPostgresTest extends ConnectorWebContract {
}

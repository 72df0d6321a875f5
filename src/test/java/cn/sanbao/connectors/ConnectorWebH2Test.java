package cn.sanbao.connectors;

import cn.sanbao.testsupport.OnH2;

@OnH2
class ConnectorWebH2Test extends ConnectorWebContract {
}

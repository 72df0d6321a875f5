package cn.sanbao.reports;

import cn.sanbao.testsupport.OnH2;

@OnH2
class MonthlyReportsOnPublicationH2Test extends MonthlyReportsOnPublicationContract {
}

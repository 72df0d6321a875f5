package cn.sanbao.reports;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class MonthlyReportsOnPublicationPostgresTest extends MonthlyReportsOnPublicationContract {
}

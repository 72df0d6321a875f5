package cn.sanbao.warnings;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/**
 * Demo mode only, after the demo data is scored: adds fake contacts (1380000xxxx, example.org) and
 * publishes the twelve demo months in order, so cases, letters and escalations exist. No gateway URL is
 * set in demo mode, so the messages wait as 待发送 and nothing leaves the machine.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "sanbao.demo.enabled", havingValue = "true")
public class WarningsDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarningsDemo.class);
    static final String ACTOR = "demo";

    private final PublicationService publishing;
    private final PublicationRepository publications;
    private final ResultRepository results;
    private final RegionTree regions;
    /** Day of the following month on which the demo publishes a month's results. */
    private final int publishDay;

    public WarningsDemo(PublicationService publishing, PublicationRepository publications, ResultRepository results, RegionTree regions) {
        this(publishing, publications, results, regions, 10);
    }

    @Autowired
    public WarningsDemo(PublicationService publishing, PublicationRepository publications, ResultRepository results, RegionTree regions,
                        @Value("${sanbao.demo.publish-day:10}") int publishDay) {
        this.publishDay = publishDay;
        this.publishing = publishing;
        this.publications = publications;
        this.results = results;
        this.regions = regions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (publications.anyPublication()) return;
        int n = publishDemoYear(2021);
        log.info("演示：已发布 {} 个月的监测结果并生成预警（未配置发送网关，消息保持待发送）", n);
    }

    /** Adds demo contacts where missing and publishes every scored, unpublished month of the year in order. */
    public int publishDemoYear(int year) {
        addDemoContacts(publications, regions);
        int n = 0;
        for (int m = 1; m <= 12; m++) {
            Period p = Period.month(year, m);
            var run = results.latestRun(p);
            if (run.isEmpty() || publications.publicationForRun(run.get().id()).isPresent()) continue;
            // published in the month after the period, as the department would: letters of 2021 say 2021
            publishing.publishAt(p, ACTOR, p.endDate().plusDays(publishDay).atTime(9, 0));
            n++;
        }
        return n;
    }

    /** One finance-bureau contact per unit and city, one department leader and one analyst; all numbers and mails fake. */
    public static void addDemoContacts(PublicationRepository publications, RegionTree regions) {
        List<FiscalUnit> units = regions.all();
        for (int i = 0; i < units.size(); i++) {
            FiscalUnit u = units.get(i);
            if (publications.hasContacts(u.code())) continue;
            String phone = "1380000" + String.format("%04d", i + 1);
            if (u.isRoot()) {
                publications.addContact(u.code(), Contact.LEADER, "厅领导（演示）", "分管副厅长", phone, null, "leader@example.org");
                publications.addContact(u.code(), Contact.ANALYST, "监测分析员（演示）", "监测预警处", null, null, "analyst@example.org");
            } else {
                publications.addContact(u.code(), Contact.UNIT, u.name() + "财政局联系人（演示）", "预算科科长", phone,
                        "demo-" + u.code(), "fin-" + u.code().toLowerCase() + "@example.org");
            }
        }
    }
}

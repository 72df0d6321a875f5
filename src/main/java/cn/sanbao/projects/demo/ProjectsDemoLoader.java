package cn.sanbao.projects.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.list.ListVersion;

/**
 * Demo mode, first start: loads the sample guarantee list, the 2021 scope data of the 28 units, runs one
 * estimation and fills the project library. The stored demand facts of the demo are left as generated:
 * writing the estimate over them is the analyst's explicit action.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "sanbao.demo.enabled", havingValue = "true")
public class ProjectsDemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectsDemoLoader.class);
    public static final String SCOPE_FILE = "projects/demo-scope-2021.csv";
    static final String ACTOR = "demo";
    static final int YEAR = 2021;

    private final GuaranteeListRepository lists;
    private final ScopeRepository scopes;
    private final DemandService demand;
    private final ProjectRepository projects;

    public ProjectsDemoLoader(GuaranteeListRepository lists, ScopeRepository scopes, DemandService demand, ProjectRepository projects) {
        this.lists = lists;
        this.scopes = scopes;
        this.demand = demand;
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (lists.current().isPresent()) return;
        load();
    }

    public Estimation load() {
        lists.load(GuaranteeListRepository.DEFAULT_FILE, open(GuaranteeListRepository.DEFAULT_FILE), ACTOR, "载入宁夏保障清单示例（示例值）");
        ListVersion list = lists.current().orElseThrow();
        scopes.importCsv(SCOPE_FILE, open(SCOPE_FILE), lists.measures(), ACTOR);
        Estimation e = demand.estimate(YEAR, ACTOR);
        Map<String, List<DemandLine>> byUnit = new LinkedHashMap<>();
        for (DemandLine l : demand.lines(e.id(), null)) byUnit.computeIfAbsent(l.unitCode(), k -> new ArrayList<>()).add(l);
        Map<String, GuaranteeItem> items = new LinkedHashMap<>();
        list.itemsFor(YEAR).forEach(i -> items.put(i.code(), i));
        List<Project> library = DemoProjects.generate(YEAR, byUnit, items);
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < library.size(); i++) lines.add(i + 2);
        projects.importProjects("演示项目库 " + YEAR, library, lines, ACTOR);
        log.info("演示项目库已加载：{} 个项目，需求测算 #{}", library.size(), e.id());
        return e;
    }

    private static InputStream open(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

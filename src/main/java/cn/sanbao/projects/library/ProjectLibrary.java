package cn.sanbao.projects.library;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.Problems;

/** Checks projects against the region tree and the current guarantee list, then stores them. */
@Service
public class ProjectLibrary {

    private final ProjectRepository store;
    private final GuaranteeListRepository lists;
    private final RegionTree regions;

    public ProjectLibrary(ProjectRepository store, GuaranteeListRepository lists, RegionTree regions) {
        this.store = store;
        this.lists = lists;
        this.regions = regions;
    }

    public ProjectValidator validator() {
        Map<Integer, Map<String, GuaranteeItem>> cache = new HashMap<>();
        return new ProjectValidator(regions, year -> cache.computeIfAbsent(year, y -> {
            Map<String, GuaranteeItem> m = new HashMap<>();
            lists.current().ifPresent(v -> v.itemsFor(y).forEach(i -> m.put(i.code(), i)));
            return m;
        }));
    }

    @Transactional
    public long importExcel(String fileName, InputStream in, String actor) {
        ProjectExcel.Parsed parsed = ProjectExcel.read(fileName, in, validator());
        return store.importProjects(fileName, parsed.projects(), parsed.lines(), actor);
    }

    /** Checks one project given as Excel column → text; throws with every problem. */
    public Project checked(Map<String, String> cells, String what) {
        Problems problems = new Problems(what);
        Project p = validator().check(cells, 0, problems);
        problems.throwIfAny();
        return p;
    }

    public byte[] export(List<Project> projects) {
        Map<String, String> names = new HashMap<>();
        lists.current().ifPresent(v -> v.items().forEach(i -> names.put(i.code(), i.name())));
        return ProjectExcel.write(projects, c -> names.getOrDefault(c, ""));
    }

    /** Cells of a stored project, for the edit form. */
    public static Map<String, String> cells(Project p) {
        Map<String, String> c = new HashMap<>();
        c.put(ProjectValidator.CODE, p.code());
        c.put(ProjectValidator.NAME, p.name());
        c.put(ProjectValidator.UNIT, p.unitCode());
        c.put(ProjectValidator.AGENCY, p.agency());
        c.put(ProjectValidator.CATEGORY, p.category().label());
        c.put(ProjectValidator.TAG, p.tag().label());
        c.put(ProjectValidator.ITEM, p.itemCode() == null ? "" : p.itemCode());
        c.put(ProjectValidator.FUNCTION, p.functionCode());
        c.put(ProjectValidator.ECONOMIC, p.economicCode());
        c.put(ProjectValidator.AMOUNT, p.amount().toPlainString());
        c.put(ProjectValidator.YEAR, String.valueOf(p.year()));
        c.put(ProjectValidator.STATE, p.state().label());
        return c;
    }
}

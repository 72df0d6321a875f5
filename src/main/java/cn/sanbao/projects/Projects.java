package cn.sanbao.projects;

import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.list.ListVersion;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules may read from projects: the current 保障清单, a year's 保障范围 quantities and a
 * unit's projects. Projects keeps its tables; the types returned form its "api" named interface.
 */
@Service
public class Projects {

    private final GuaranteeListRepository lists;
    private final ScopeRepository scopes;
    private final ProjectRepository projects;

    Projects(GuaranteeListRepository lists, ScopeRepository scopes, ProjectRepository projects) {
        this.lists = lists;
        this.scopes = scopes;
        this.projects = projects;
    }

    /** The 保障清单 in force, if one was loaded. */
    public Optional<ListVersion> currentList() {
        return lists.current();
    }

    /** Quantities (人数、面积…) of one year by unit and measure; revision 0 when none were entered. */
    public ScopeRepository.Scope scope(int year) {
        return scopes.scope(year);
    }

    /** The projects of one unit and year. */
    public List<Project> ofUnit(String unitCode, int year) {
        return projects.ofUnit(unitCode, year);
    }
}

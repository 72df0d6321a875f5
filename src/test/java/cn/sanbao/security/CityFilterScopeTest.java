package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * The 所属市 filter of 总览, 监测结果 and 预警处置 names only the cities of the user's scope: the county user xiji
 * (西吉县) sees its city 固原市 as fixed text and no list, the city user yinchuan 银川市, the department every city.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class CityFilterScopeTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640422");
    static final RequestPostProcessor YINCHUAN = user("yinchuan").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640100");
    static final List<String> CITIES = List.of("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市");
    static final List<String> SCREENS = List.of("/dashboard?period=2021-04", "/monitoring?period=2021-04", "/warnings");

    @Autowired MockMvc mvc;
    @Autowired UnitScope scope;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCountyUserSeesItsOwnCityFixedAndNoOtherCityOnEveryScreen() throws Exception {
        for (String screen : SCREENS) {
            String page = page(screen, XIJI);
            assertThat(page).as(screen).doesNotContain("<select name=\"city\"")
                    .containsPattern("class=\"fixed-city\">\\s*<span>所属市</span> <b>固原市</b><input type=\"hidden\" name=\"city\" value=\"\"");
            for (String other : List.of("银川市", "石嘴山市", "吴忠市", "中卫市"))
                assertThat(page).as(screen).doesNotContain(">" + other + "</option>");
        }
    }

    @Test
    void aCityUserSeesOnlyItsCity() throws Exception {
        for (String screen : SCREENS) {
            String page = page(screen, YINCHUAN);
            assertThat(page).as(screen).doesNotContain("<select name=\"city\"").contains("<b>银川市</b>")
                    .doesNotContain(">固原市</option>");
        }
    }

    @Test
    void theDepartmentChoosesAmongEveryCityAsBefore() throws Exception {
        for (String screen : SCREENS) {
            String page = page(screen, ANALYST);
            assertThat(page).as(screen).doesNotContain("fixed-city").contains("<select name=\"city\"");
            for (String city : CITIES) assertThat(page).as(screen).contains(">" + city + "</option>");
        }
        // the warnings list filters by code
        assertThat(page("/warnings", ANALYST)).contains("<option value=\"640400\">固原市</option>");
    }

    @Test
    void theScopeGivesACountyItsCityAndTheDepartmentEveryCity() {
        signIn("xiji", "ROLE_" + Roles.LOCAL, "SCOPE_640422");
        UnitScope.CityFilter county = scope.cityFilter();
        assertThat(county.cities()).extracting(FiscalUnit::code).containsExactly("640400");
        assertThat(county.fixed()).isTrue();
        assertThat(county.fixedName()).isEqualTo("固原市");
        signIn("analyst", "ROLE_" + Roles.ANALYST);
        UnitScope.CityFilter department = scope.cityFilter();
        assertThat(department.names()).containsExactlyInAnyOrderElementsOf(CITIES);
        assertThat(department.fixed()).isFalse();
        assertThat(department.fixedName()).isEmpty();
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void signIn(String name, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(name, "n/a", AuthorityUtils.createAuthorityList(authorities)));
    }
}

package cn.sanbao.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import cn.sanbao.security.Roles;
import cn.sanbao.shared.web.StaticResources;
import cn.sanbao.testsupport.BothDatabases;

/**
 * Static files are served under their own paths, and nothing else a page links to is looked up as a file
 * (that lookup took a jar lock per link and made pages queue under load; see StaticResources).
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class StaticResourcesTest {

    @Autowired MockMvc mvc;
    @Autowired ResourceUrlProvider urls;

    @Test
    void stylesScriptsMapAndWebJarsAreServedWithoutSigningIn() throws Exception {
        for (String path : new String[] {"/css/sanbao.css", "/js/sanbao.js", "/maps/ningxia.json",
                "/webjars/echarts/dist/echarts.min.js", "/webjars/htmx.org/dist/htmx.min.js"})
            mvc.perform(get(path)).andExpect(status().isOk());
        mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
    }

    @Test
    void theScriptAPageLinksToIsServed() throws Exception {
        String page = mvc.perform(get("/reports").with(user("analyst").roles(Roles.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher script = Pattern.compile("src=\"(/webjars/[^\"]+)\"").matcher(page);
        assertThat(script.find()).as("报告页引用的脚本").isTrue();
        mvc.perform(get(script.group(1))).andExpect(status().isOk());
    }

    @Test
    void aPageLinkIsNeverLookedUpAsAFile() {
        assertThat(urls.getHandlerMap().keySet()).contains(StaticResources.PATTERNS).doesNotContain("/**");
        assertThat(urls.getForLookupPath("/monitoring/units/640522")).isNull();
        assertThat(urls.getForLookupPath("/css/sanbao.css")).isEqualTo("/css/sanbao.css");
    }
}

package cn.sanbao.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.testsupport.SiteCrawl;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.PublicationService;
import cn.sanbao.warnings.WarningsDemo;

/**
 * No screen shows a raw code: every page each demo role can reach is scanned for upper-case code tokens
 * in its visible text (tags, attributes, scripts and the analyst's code views — code, pre, textarea —
 * left out). A token not on the allow-list fails the test with the page and the token.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
public class PlainWordsTest {

    /** Upper-case words that are the ordinary name of the thing for an official, each with its reason. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("PDF", "file format, the name officials use"),
            Map.entry("DOCX", "Word file format named on download links"),
            Map.entry("XLSX", "Excel file format named on download links"),
            Map.entry("CSV", "file format"),
            Map.entry("API", "the data interface, so named in the spec"),
            Map.entry("JSON", "push interface payload format"),
            Map.entry("ID", "identifier"),
            Map.entry("YAML", "the model file format analysts edit"),
            Map.entry("GB2260", "national region code standard"),
            Map.entry("ISO", "ISO week numbering"),
            Map.entry("SMS", "channel name on delivery log"),
            Map.entry("URL", "web address"),
            Map.entry("JDBC", "the form of database address (jdbc:…) the budget system's administrators hand over"));
    static final Pattern TOKEN = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");
    static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|code|pre|textarea|title)\\b.*?</\\1>|<!--.*?-->");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationService publishing;
    @Autowired PublicationRepository publications;
    @Autowired RegionTree regions;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
        synchronized (PlainWordsTest.class) {
            if (publications.latestPublication("2021-12").isEmpty())
                new WarningsDemo(publishing, publications, results, regions).publishDemoYear(2021);
        }
    }

    static Map<String, RequestPostProcessor> roles() {
        Map<String, RequestPostProcessor> r = new LinkedHashMap<>();
        r.put("analyst", user("analyst").roles(Roles.ANALYST));
        r.put("leader", user("leader").roles(Roles.LEADER));
        r.put("yinchuan", user("yinchuan").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640100"));
        r.put("xiji", user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422"));
        r.put("security", user("security").roles(Roles.SECURITY_ADMIN));
        r.put("auditor", user("auditor").roles(Roles.AUDITOR));
        r.put("admin", user("admin").roles(Roles.SYSTEM_ADMIN));
        return r;
    }

    /** Visible text of a page: without hidden elements and tags, entities decoded. */
    static String visibleText(String html) {
        String shown = HIDDEN.matcher(html).replaceAll(" ");
        return HtmlUtils.htmlUnescape(shown.replaceAll("(?s)<[^>]*>", " "));
    }

    @Test
    void noPageShowsARawCode() throws Exception {
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, RequestPostProcessor> role : roles().entrySet()) {
            for (SiteCrawl.Page page : new SiteCrawl(mvc, role.getValue()).perShape(2).maxPages(150).from("/", "/dashboard")) {
                if (!page.html() || page.status() != 200) continue;
                Matcher m = TOKEN.matcher(visibleText(page.body()));
                java.util.Set<String> tokens = new java.util.TreeSet<>();
                while (m.find()) if (!ALLOWED.containsKey(m.group())) tokens.add(m.group());
                if (!tokens.isEmpty()) findings.add(role.getKey() + " " + page.url() + " (from " + page.from() + "): " + tokens);
            }
        }
        assertThat(findings).as("raw codes on screens").isEmpty();
    }

    /**
     * Every document a role can download from its pages (letters, notices, reports, Excel exports) reads in words too.
     * CSV and YAML downloads are machine formats for re-import (their column names are codes on purpose) and are left out.
     */
    @Test
    void noDocumentShowsARawCode() throws Exception {
        List<String> findings = new ArrayList<>();
        int documents = 0;
        boolean graded = false;
        for (String who : List.of("analyst", "xiji")) {
            for (SiteCrawl.Page page : new SiteCrawl(mvc, roles().get(who)).perShape(2).maxPages(150).from("/", "/dashboard")) {
                String text = page.document() ? documentText(page) : null;
                if (text == null) continue;
                documents++;
                graded |= text.contains("高度风险");
                Matcher m = TOKEN.matcher(text);
                java.util.Set<String> tokens = new java.util.TreeSet<>();
                while (m.find()) if (!ALLOWED.containsKey(m.group())) tokens.add(m.group());
                if (!tokens.isEmpty()) findings.add(who + " " + page.url() + " (from " + page.from() + "): " + tokens);
            }
        }
        System.out.println("documents read back: " + documents);
        assertThat(documents).as("documents found by the crawl").isGreaterThan(5);
        assertThat(graded).as("the documents' text was really read (a grade label appears)").isTrue();
        assertThat(findings).as("raw codes in documents").isEmpty();
    }

    /** The text of a PDF, Word or Excel download; null for other types. */
    static String documentText(SiteCrawl.Page page) throws Exception {
        String type = page.contentType() == null ? "" : page.contentType();
        if (type.startsWith("application/pdf")) {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(page.bytes());
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= reader.getNumberOfPages(); i++)
                sb.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(i)).append('\n');
            return sb.toString();
        }
        if (type.contains("openxmlformats")) {
            try (var extractor = org.apache.poi.extractor.ExtractorFactory.createExtractor(new java.io.ByteArrayInputStream(page.bytes()))) {
                return extractor.getText();
            }
        }
        return null;
    }

    @Test
    void visibleTextLeavesOutMarkupAndCodeViews() {
        assertThat(visibleText("<p class=\"GRADE_X\">登录 <code>EXEC_WAGE</code><script>var A_B=1</script>&amp; FACT_REVISION</p>"))
                .doesNotContain("GRADE_X", "EXEC_WAGE", "A_B").contains("登录", "& FACT_REVISION");
    }
}

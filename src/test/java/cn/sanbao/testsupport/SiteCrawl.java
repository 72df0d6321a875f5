package cn.sanbao.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * Follows every same-site GET link a role is shown, starting from the pages it lands on, and keeps what
 * each page answered. Links of the same shape (digits replaced) are followed a few times only, so a list of
 * 600 projects costs three project pages, not 600. Tests check the pages for broken links, raw codes or
 * injected markup; the crawl itself asserts nothing.
 */
public final class SiteCrawl {

    /** One fetched page: where it was linked from, its status, content type and (for HTML) body. */
    public record Page(String url, String from, int status, String contentType, String body, byte[] bytes) {
        /** A downloaded document (PDF, Word, Excel, CSV): the bytes are kept so tests can read it back. */
        public boolean document() {
            return status == 200 && bytes.length > 0 && !html();
        }

        /** Neither a client nor a server error: redirects count as working links (their target is crawled too). */
        public boolean works() {
            return status < 400;
        }

        public boolean html() {
            return contentType != null && contentType.startsWith("text/html");
        }

        /** Where the page's forms and form buttons submit to (method in upper case, path resolved against the page). */
        public List<Form> forms() {
            return SiteCrawl.forms(url, body);
        }
    }

    /** A form (or a button with its own formaction) on a page: the request it sends. */
    public record Form(String method, String action) {
    }

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z]+)\\b([^>]*)>");

    static List<Form> forms(String base, String html) {
        List<Form> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String attrs = m.group(2);
            if (m.group(1).equalsIgnoreCase("form")) {
                String method = attr(attrs, "method");
                out.add(form(base, method == null ? "GET" : method, attr(attrs, "action")));
            }
            String formAction = attr(attrs, "formaction");
            if (formAction != null) {
                String method = attr(attrs, "formmethod");
                out.add(form(base, method == null ? "POST" : method, formAction)); // a button's form is usually POST
            }
            for (String verb : List.of("post", "put", "patch", "delete")) {
                String target = attr(attrs, "hx-" + verb);
                if (target != null) out.add(form(base, verb, target));
            }
        }
        return out;
    }

    private static Form form(String base, String method, String action) {
        String path = URI.create("http://site" + base).resolve(action == null ? "" : action.replace(" ", "%20")).getRawPath();
        return new Form(method.toUpperCase(java.util.Locale.ROOT), path);
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(attrs);
        return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).trim() : null;
    }

    private static final Pattern HREF = Pattern.compile("\\s(?:href|hx-get|data-href)=\"([^\"]*)\"");
    /** Not pages: sign-out, the language switch (same page again), static files, the API explorer. */
    private static final List<String> SKIP_PREFIXES = List.of("/logout", "/css/", "/js/", "/webjars/", "/images/",
            "/favicon", "/swagger-ui", "/v3/api-docs", "/actuator");

    /** Documents larger than this are not kept (a crawl keeps every page in memory). */
    private static final int MAX_DOCUMENT = 5 * 1024 * 1024;

    private final MockMvc mvc;
    private final RequestPostProcessor who;
    private int maxPages = 400;
    private int perShape = 3;

    public SiteCrawl(MockMvc mvc, RequestPostProcessor who) {
        this.mvc = mvc;
        this.who = who;
    }

    public SiteCrawl maxPages(int max) {
        this.maxPages = max;
        return this;
    }

    public SiteCrawl perShape(int n) {
        this.perShape = n;
        return this;
    }

    /** Crawls from the given start paths and returns every page fetched, in crawl order. */
    public List<Page> from(String... starts) throws Exception {
        Map<String, Page> seen = new LinkedHashMap<>();
        Map<String, Integer> shapes = new HashMap<>();
        Deque<String[]> queue = new ArrayDeque<>();
        for (String s : starts) queue.add(new String[] {s, "(start)"});
        while (!queue.isEmpty() && seen.size() < maxPages) {
            String[] next = queue.poll();
            String url = next[0];
            if (seen.containsKey(url)) continue;
            String shape = url.replaceAll("\\d+", "N");
            if (shapes.merge(shape, 1, Integer::sum) > perShape) continue;
            MvcResult result = mvc.perform(get(URI.create(url)).with(who)).andReturn();
            var response = result.getResponse();
            String type = response.getContentType();
            String body = type != null && type.startsWith("text/html") ? response.getContentAsString(StandardCharsets.UTF_8) : "";
            byte[] bytes = body.isEmpty() && response.getContentAsByteArray().length <= MAX_DOCUMENT ? response.getContentAsByteArray() : new byte[0];
            Page page = new Page(url, next[1], response.getStatus(), type, body, bytes);
            seen.put(url, page);
            String location = response.getRedirectedUrl();
            if (page.status() / 100 == 3 && location != null) {
                for (String link : links(url, " href=\"" + location + "\"")) queue.addFirst(new String[] {link, url});
            }
            if (page.status() == 200 && page.html()) {
                for (String link : links(url, body)) {
                    if (!seen.containsKey(link)) queue.add(new String[] {link, url});
                }
            }
        }
        return new ArrayList<>(seen.values());
    }

    /** Same-site links of a page, resolved against it, without fragments and language switches. */
    static List<String> links(String base, String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String raw = HtmlUtils.htmlUnescape(m.group(1)).trim();
            if (raw.isEmpty() || raw.startsWith("#") || raw.startsWith("javascript:") || raw.startsWith("mailto:")) continue;
            URI uri;
            try {
                uri = URI.create("http://site" + base).resolve(raw.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                out.add(raw); // a malformed link is itself a finding: the request will fail and show it
                continue;
            }
            if (!"site".equals(uri.getHost())) continue;
            String path = uri.getRawPath();
            if (path == null || SKIP_PREFIXES.stream().anyMatch(path::startsWith)) continue;
            String query = uri.getRawQuery();
            if (query != null && Set.of(query.split("&")).stream().anyMatch(p -> p.startsWith("lang="))) continue;
            out.add(query == null ? path : path + "?" + query);
        }
        return out;
    }
}

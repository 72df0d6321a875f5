package cn.sanbao.connectors;

import cn.sanbao.kernel.Period;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.XlsxDownload;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 数据提取 screens for the analyst (URL rule in SecurityConfig): connectors, their queries and unit-code tables, run now or
 * dry run, and the run history (paged, exported to Excel). The password field is write-only.
 */
@Controller
@RequestMapping("/connectors")
class ConnectorPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConnectorService connectors;
    private final ConnectorRunner runner;
    private final ConnectorRepository store;
    private final ConnectorAlerts alerts;

    ConnectorPages(ConnectorService connectors, ConnectorRunner runner, ConnectorRepository store, ConnectorAlerts alerts) {
        this.connectors = connectors;
        this.runner = runner;
        this.store = store;
        this.alerts = alerts;
    }

    @GetMapping
    String list(Model model, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        model.addAttribute("connectors", connectors.all());
        model.addAttribute("runs", store.runs(null, PageRequest.of(page, size)));
        model.addAttribute("rules", Connector.PeriodRule.values());
        return "connectors/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size) {
        Connector c = connectors.require(id);
        model.addAttribute("c", c);
        model.addAttribute("queries", connectors.queries(id));
        StringBuilder codes = new StringBuilder();
        connectors.unitCodes(id).forEach((s, u) -> codes.append(s).append(',').append(u).append('\n'));
        model.addAttribute("unitCodes", codes.toString());
        model.addAttribute("runs", store.runs(id, PageRequest.of(page, size)));
        model.addAttribute("rules", Connector.PeriodRule.values());
        model.addAttribute("kinds", Connector.Kind.values());
        model.addAttribute("scheduledPeriod", connectors.scheduledPeriod(c).code());
        model.addAttribute("alerts", alerts.of(id, 10));
        model.addAttribute("recipients", alerts.recipients());
        model.addAttribute("alertToInUse", alerts.configuredListInUse());
        return "connectors/connector";
    }

    @GetMapping("/runs/{runId}")
    String run(@PathVariable long runId, Model model) {
        ConnectorRun r = store.run(runId).orElseThrow(() -> new NoSuchElementException("没有编号为 " + runId + " 的提取记录"));
        model.addAttribute("run", r);
        model.addAttribute("problems", store.problems(runId));
        return "connectors/run";
    }

    @PostMapping
    String create(Principal p, @RequestParam String name, @RequestParam String jdbcUrl, @RequestParam String username,
                  @RequestParam(required = false) String password, @RequestParam String cron, @RequestParam String periodRule,
                  @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "1000000") int maxRows,
                  @RequestParam(defaultValue = "600") int timeoutSeconds, @RequestParam(defaultValue = "3") int alertAfter,
                  RedirectAttributes flash) {
        try {
            long id = connectors.save(p.getName(), new Connector(0, name.strip(), jdbcUrl.strip(), username.strip(), cron.strip(),
                    rule(periodRule), enabled, maxRows, timeoutSeconds, alertAfter, 0, null, null, null), password);
            flash.addFlashAttribute("message", "已新建连接器“" + name.strip() + "”");
            return "redirect:/connectors/" + id;
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/connectors";
        }
    }

    @PostMapping("/{id}")
    String update(Principal p, @PathVariable long id, @RequestParam String name, @RequestParam String jdbcUrl,
                  @RequestParam String username, @RequestParam(required = false) String password, @RequestParam String cron,
                  @RequestParam String periodRule, @RequestParam(defaultValue = "false") boolean enabled, @RequestParam int maxRows,
                  @RequestParam int timeoutSeconds, @RequestParam int alertAfter, RedirectAttributes flash) {
        return done(flash, id, () -> {
            connectors.save(p.getName(), new Connector(id, name.strip(), jdbcUrl.strip(), username.strip(), cron.strip(),
                    rule(periodRule), enabled, maxRows, timeoutSeconds, alertAfter, 0, null, null, null), password);
            return "已保存连接器设置";
        });
    }

    @PostMapping("/{id}/queries")
    String saveQuery(Principal p, @PathVariable long id, @RequestParam(defaultValue = "0") long queryId, @RequestParam String name,
                     @RequestParam String kind, @RequestParam(required = false) String itemCode, @RequestParam String sql,
                     @RequestParam String columns, RedirectAttributes flash) {
        return done(flash, id, () -> {
            Connector.Kind k = Connector.Kind.valueOf(kind);
            String item = itemCode == null || itemCode.isBlank() || k != Connector.Kind.ITEM ? null : itemCode.strip();
            if (queryId != 0) connectors.queries(id).stream().filter(q -> q.id() == queryId).findAny()
                    .orElseThrow(() -> new NoSuchElementException("没有编号为 " + queryId + " 的查询"));
            connectors.saveQuery(p.getName(), new Connector.Query(queryId, id, name.strip(), k, item, sql,
                    Connector.Query.parseColumns(columns, k), null));
            return "已保存查询“" + name.strip() + "”";
        });
    }

    @PostMapping("/{id}/queries/{queryId}/delete")
    String deleteQuery(Principal p, @PathVariable long id, @PathVariable long queryId, RedirectAttributes flash) {
        return done(flash, id, () -> {
            connectors.deleteQuery(p.getName(), id, queryId);
            return "已删除查询";
        });
    }

    @PostMapping("/{id}/unit-codes")
    String unitCodes(Principal p, @PathVariable long id, @RequestParam String codes, RedirectAttributes flash) {
        return done(flash, id, () -> "已保存单位代码对照 " + connectors.saveUnitCodes(p.getName(), id, codes) + " 条");
    }

    @PostMapping("/{id}/run")
    String runNow(Principal p, @PathVariable long id, @RequestParam String period, @RequestParam(defaultValue = "false") boolean dry,
                  RedirectAttributes flash) {
        return done(flash, id, () -> {
            Period chosen;
            try {
                chosen = Period.parse(period.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("期间“" + period + "”无法识别，应为 2021、2021-03 或 2021-W05");
            }
            ConnectorRunner.Outcome o = runner.run(id, chosen, dry ? "DRY_RUN" : "MANUAL", p.getName());
            flash.addFlashAttribute("outcome", o);
            return null;
        });
    }

    @GetMapping("/{id}/runs/export")
    ResponseEntity<byte[]> exportOne(@PathVariable long id) {
        connectors.require(id);
        return export(id);
    }

    @GetMapping("/runs/export")
    ResponseEntity<byte[]> exportAll() {
        return export(null);
    }

    private ResponseEntity<byte[]> export(Long connector) {
        Table.Builder t = Table.builder("数据提取记录").column("编号", Table.Kind.INTEGER).text("连接器").text("方式").text("期间")
                .text("结果").column("读取行数", Table.Kind.INTEGER).text("数据修订").text("说明").text("操作人").text("开始").text("结束");
        for (ConnectorRun r : store.runs(connector, 0, ConnectorRepository.EXPORT_LIMIT))
            t.row(r.id(), r.connectorName(), ConnectorRun.triggerLabel(r.trigger()), r.period(), r.status().label(), r.rows(),
                    r.revisionId() == null ? "" : "#" + r.revisionId(), r.message(), r.startedBy(), r.startedAt().format(TIME),
                    r.finishedAt() == null ? "" : r.finishedAt().format(TIME));
        return XlsxDownload.of(t.build(), "数据提取记录.xlsx");
    }

    private static Connector.PeriodRule rule(String text) {
        try {
            return Connector.PeriodRule.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的提取期间规则“" + text + "”");
        }
    }

    private String done(RedirectAttributes flash, long id, java.util.function.Supplier<String> action) {
        connectors.require(id);
        try {
            String message = action.get();
            if (message != null) flash.addFlashAttribute("message", message);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/connectors/" + id;
    }
}

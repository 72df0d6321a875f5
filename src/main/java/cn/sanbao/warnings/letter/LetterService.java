package cn.sanbao.warnings.letter;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.region.UnitKind;
import cn.sanbao.security.UnitScope;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.Warning;

/** Fills the 提示函 template for one warning and lays it out as HTML data, DOCX or PDF. Downloads are audited. */
@Service
public class LetterService {

    /** Placeholders the template may use; anything else in braces is refused when the template is saved. */
    public static final List<String> PLACEHOLDERS = List.of("单位", "称谓", "期间", "总分", "风险等级", "定级依据", "问题清单",
            "整改要求", "反馈期限", "发文机关", "文号", "成文日期", "升级处置");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]{1,20})}");
    private static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PublicationRepository publications;
    private final LetterTemplateRepository templates;
    private final RegionTree regions;
    private final UnitScope scope;
    private final AuditLog audit;
    private final PdfLetterWriter pdf;
    private final cn.sanbao.warnings.WarningRules rules;
    private final Clock clock;

    public LetterService(PublicationRepository publications, LetterTemplateRepository templates, RegionTree regions,
                         UnitScope scope, AuditLog audit, PdfLetterWriter pdf, cn.sanbao.warnings.WarningRules rules,
                         ObjectProvider<Clock> clock) {
        this.rules = rules;
        this.publications = publications;
        this.templates = templates;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.pdf = pdf;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The letter of a warning, after the unit-scope check. */
    public Letter letter(long warningId) {
        Warning w = publications.warning(warningId).orElseThrow(() -> new NoSuchElementException("预警 #" + warningId + " 不存在"));
        scope.require(w.unitCode());
        return compose(w, templates.at(w.createdAt()));
    }

    public byte[] docx(long warningId, String actor) {
        Letter l = letter(warningId);
        audit.record(actor, "WARNING_LETTER_DOWNLOAD", l.docNo(), l.unitName() + " 提示函 DOCX");
        return DocxLetterWriter.write(l);
    }

    public byte[] pdf(long warningId, String actor) {
        Letter l = letter(warningId);
        audit.record(actor, "WARNING_LETTER_DOWNLOAD", l.docNo(), l.unitName() + " 提示函 PDF");
        return pdf.write(l);
    }

    Letter compose(Warning w, LetterTemplate t) {
        FiscalUnit u = regions.unit(w.unitCode()).orElse(null);
        String unit = u == null ? w.unitCode() : u.name();
        // dates follow the publication, never the day the letter is downloaded
        LocalDateTime issued = w.createdAt();
        String deadline = issued.toLocalDate().plusDays(rules.planDays()).format(CN_DATE);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("单位", unit);
        values.put("称谓", "你" + kindWord(u));
        values.put("期间", Period.parse(w.period()).label());
        values.put("总分", w.total() == null ? "—" : w.total().toPlainString());
        values.put("风险等级", w.gradeName());
        values.put("定级依据", w.gradeCause());
        List<String> problems = new ArrayList<>();
        // a template without {定级依据} still states the grade's cause first
        if (!t.body().contains("{定级依据}")) problems.add("定级依据：" + w.gradeCause() + "。");
        List<String> lines = w.indicatorLines();
        if (!lines.isEmpty()) problems.add("下列指标处于最低档，未达到标准：");
        for (int i = 0; i < lines.size(); i++) problems.add((i + 1) + ". " + lines.get(i) + (i == lines.size() - 1 ? "。" : "；"));
        values.put("问题清单", String.join("\n", problems));
        values.put("整改要求", t.actions());
        values.put("反馈期限", deadline);
        values.put("发文机关", t.office());
        values.put("文号", w.letterNo());
        values.put("成文日期", issued.format(CN_DATE));
        values.put("升级处置", w.escalation() == null ? "" : "鉴于" + values.get("称谓") + "已连续多个月处于高度风险，根据预警规则予以" + w.escalationLabel() + "。");
        List<String> paragraphs = new ArrayList<>();
        for (String line : fill(t.body(), values).split("\n"))
            if (!line.isBlank()) paragraphs.add(line.strip());
        if (w.escalation() != null && !t.body().contains("{升级处置}")) paragraphs.add(values.get("升级处置"));
        return new Letter(w.letterNo(), fill(t.title(), values), bureau(u, unit) + "：", List.copyOf(paragraphs), t.office(),
                values.get("成文日期"), unit, "提示函-" + unit + "-" + w.period());
    }

    /**
     * How a letter addresses the unit: 县, 区 or 市 by the last character of a county-level name, 市本级 for a
     * city's own budget, 单位 for a zone (宁东) or anything else.
     */
    public static String kindWord(FiscalUnit u) {
        if (u == null) return "单位";
        return switch (u.kind()) {
            case CITY_LEVEL -> "市本级";
            case CITY -> "市";
            case COUNTY -> u.name().endsWith("县") ? "县" : u.name().endsWith("区") ? "区" : u.name().endsWith("市") ? "市" : "单位";
            default -> "单位";
        };
    }

    /** The finance bureau a letter goes to: a 市本级 is served by its city's bureau. */
    private String bureau(FiscalUnit u, String unit) {
        if (u != null && u.kind() == UnitKind.CITY_LEVEL && u.parentCode() != null)
            return regions.unit(u.parentCode()).map(FiscalUnit::name).orElse(unit) + "财政局";
        return unit + "财政局";
    }

    /** One unit named in a 通报批评 with the reason it is named. */
    public record NoticeLine(String unitName, String reason) {
    }

    /**
     * 通报批评 of a month: one region-wide document naming every unit escalated to 通报 in it and why, with the
     * issuing office and 文号 prefix of the 提示函 template, laid out by the same writers.
     */
    public Letter notice(Period month, List<NoticeLine> lines, LocalDateTime issued) {
        LetterTemplate t = templates.current();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("根据三保运行监测预警规则和处置决定，现将" + month.label() + "被通报批评的 " + lines.size() + " 个单位及原因通报如下：");
        for (int i = 0; i < lines.size(); i++)
            paragraphs.add((i + 1) + ". " + lines.get(i).unitName() + "：" + lines.get(i).reason());
        paragraphs.add("请被通报单位深刻反思，在收到本通报后 " + rules.planDays() + " 日内将整改措施报送自治区财政厅；各市、县（区）引以为戒，切实兜牢“三保”底线。");
        String docNo = t.docPrefix() + "通〔" + month.year() + "〕" + month.number() + "号";
        return new Letter(docNo, "关于" + month.label() + "三保运行风险单位的通报", "各市、县（区）财政局，宁东能源化工基地财政局：",
                List.copyOf(paragraphs), t.office(), issued.format(CN_DATE), "全区", "通报批评-" + month.code());
    }

    public byte[] docx(Letter l) {
        return DocxLetterWriter.write(l);
    }

    public byte[] pdf(Letter l) {
        return pdf.write(l);
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        m.appendTail(out);
        return out.toString();
    }

    public LetterTemplate template() {
        return templates.current();
    }

    public List<LetterTemplateRepository.Replaced> templateHistory(int limit) {
        return templates.history(limit);
    }

    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public void updateTemplate(String title, String body, String actions, String office, String docPrefix, String actor) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("标题", title);
        fields.put("正文", body);
        fields.put("整改要求", actions);
        fields.put("发文机关", office);
        fields.put("文号前缀", docPrefix);
        fields.forEach((name, v) -> {
            if (v == null || v.isBlank()) throw new IllegalArgumentException("提示函模板的“" + name + "”不能为空");
            Matcher m = PLACEHOLDER.matcher(v);
            while (m.find())
                if (!PLACEHOLDERS.contains(m.group(1)))
                    throw new IllegalArgumentException("提示函模板的“" + name + "”中有未知占位符 {" + m.group(1) + "}，可用："
                            + String.join("、", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
        });
        templates.update(title.strip(), body.strip(), actions.strip(), office.strip(), docPrefix.strip(), actor, LocalDateTime.now(clock));
        audit.record(actor, "WARNING_LETTER_TEMPLATE", "DEFAULT", "修改提示函模板");
    }
}

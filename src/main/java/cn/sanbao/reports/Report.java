package cn.sanbao.reports;

import java.time.LocalDateTime;
import java.util.List;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.shared.table.Table;

/**
 * A report's content, independent of its format: sections of paragraphs, tables and charts, and where the
 * numbers came from (the scoring run and the data revisions it read).
 */
public record Report(ReportKind kind, String title, String period, String periodLabel, String unitCode, String unitName,
                     long runId, Long asOfRevision, List<Long> factRevisions, String modelLabel,
                     LocalDateTime generatedAt, List<Section> sections) {

    public record Section(String heading, List<String> paragraphs, List<ChartSpec> charts, List<Table> tables) {
    }

    /** "运行 #12，数据修订截至 #5（使用修订 #3、#5），模型 …": printed under the title of every format. */
    public String sourceLine() {
        StringBuilder s = new StringBuilder("数据来源：监测运行 #" + runId);
        if (asOfRevision != null) s.append("，数据修订截至 #").append(asOfRevision);
        if (!factRevisions.isEmpty())
            s.append("（使用修订 ").append(String.join("、", factRevisions.stream().map(r -> "#" + r).toList())).append("）");
        s.append("；模型：").append(modelLabel).append("；金额单位：万元");
        return s.toString();
    }

    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }

    public List<ChartSpec> charts() {
        return sections.stream().flatMap(s -> s.charts().stream()).toList();
    }
}

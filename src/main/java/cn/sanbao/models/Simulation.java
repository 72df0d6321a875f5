package cn.sanbao.models;

import java.math.BigDecimal;
import java.util.List;

/** Published grades (the stored run) against the draft's grades on the same data, for one period. */
public record Simulation(String period, String periodLabel, long runId, Long asOfRevision, String publishedLabel,
                         List<Line> lines) {

    public record Line(String unitCode, String unitName, boolean consolidated, BigDecimal publishedTotal,
                       String publishedGrade, String publishedGradeName, BigDecimal draftTotal, String draftGrade,
                       String draftGradeName) {

        public boolean changed() {
            return !java.util.Objects.equals(publishedGrade, draftGrade);
        }
    }

    public long changedCount() {
        return lines.stream().filter(Line::changed).count();
    }
}

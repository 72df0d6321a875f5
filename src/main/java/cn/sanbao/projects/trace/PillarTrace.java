package cn.sanbao.projects.trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.kernel.Pillar;

/**
 * A unit's pillar total traced down: the demand fact the model reads (and its revision), the estimation
 * that produced it (null when the fact was not written from one), its item lines, and the projects funding
 * the pillar with their payments to {@code upTo}.
 */
public record PillarTrace(String unitCode, int year, Pillar pillar, BigDecimal demandFact, Long factRevision,
                          Estimation estimation, List<DemandLine> lines, List<ProjectProgress> projects,
                          LocalDate upTo, boolean paymentsConnected) {

    public BigDecimal linesTotal() {
        return lines.stream().map(DemandLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal budgetTotal() {
        return projects.stream().map(p -> p.project().amount()).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal paidTotal() {
        return projects.stream().map(ProjectProgress::paid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

package cn.sanbao.portrait;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.sanbao.kernel.CashBand;
import cn.sanbao.decision.runway.CashMonth;
import cn.sanbao.decision.runway.RunwayProjection;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.monitoring.IndicatorMove;
import cn.sanbao.monitoring.ResultExplanation;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.warnings.CaseService;

/**
 * What one unit's portrait reads, gathered once: the chosen period's result and model, the unit's line in every
 * stored month (all years) with the explanation behind it, its ranks, the runway, open cases and the moves.
 */
record PortraitData(FiscalUnit unit, String cityName, Period period, ScoringRun run, ScoringModel model,
                    ResultExplanation latest, Map<Period, UnitRanking> history, Map<Period, ResultExplanation> explanations,
                    List<Rank> ranks, Optional<Runway> runway, List<CaseService.CaseRow> openCases,
                    List<IndicatorMove> moves) {

    /** Place among {@code count} peers ({@code scope}: 所在市 / 全区), 1 = best total. */
    record Rank(String scope, String peers, int rank, int count) {
    }

    record Runway(List<CashMonth> actual, RunwayProjection projection, CashBand band) {
    }

    /** The chosen period's line (total, grade and the previous period's, for the change sentence). */
    UnitRanking current() {
        return history.get(period);
    }
}

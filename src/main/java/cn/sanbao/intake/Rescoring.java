package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.security.UnitScope;
import org.springframework.stereotype.Component;

/**
 * Optional re-scoring of the imported period. Runs after the revision is committed: a scoring failure
 * (e.g. no published model) never undoes an accepted import, it is reported beside it.
 */
@Component
class Rescoring {

    private final ScoringRunService scoring;
    private final UnitScope scope;

    Rescoring(ScoringRunService scoring, UnitScope scope) {
        this.scoring = scoring;
        this.scope = scope;
    }

    ImportResult after(ImportResult r, Period period, String user, boolean wanted) {
        if (!wanted || r.revisionId() == null) return r;
        // a run scores every unit and becomes everyone's latest result: the department decides when
        if (!scope.seesAll()) return with(r, null, "数据已保存；重新评分覆盖全部单位，由自治区分析员发起");
        if (period.type() == Period.Type.YEAR) {
            return with(r, null, "年度计划数据不单独评分，将在各月重新评分时使用");
        }
        try {
            ScoringRun run = scoring.run(period, user, "数据修订 #" + r.revisionId() + " 导入后重新评分");
            return with(r, run.id(), "已重新评分：监测运行 #" + run.id());
        } catch (RuntimeException e) {
            return with(r, null, "数据已保存，但重新评分失败：" + e.getMessage());
        }
    }

    private static ImportResult with(ImportResult r, Long runId, String note) {
        return new ImportResult(r.revisionId(), r.duplicateOf(), r.period(), r.values(), r.diff(), runId, note);
    }
}

package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import org.springframework.stereotype.Component;

/**
 * Optional re-scoring of the imported period. Intake only asks: the request travels with the revision's
 * {@link cn.sanbao.facts.FactRevisionStored} event, and monitoring runs it after the commit. A scoring failure
 * (e.g. no published model) therefore never undoes an accepted import; monitoring records it for the analyst.
 */
@Component
class Rescoring {

    /** What an import asks for: the period to re-score once stored (null: none) and what to tell the person. */
    record Request(Period period, String note) {
        static final Request NONE = new Request(null, null);
    }

    private final UnitScope scope;

    Rescoring(UnitScope scope) {
        this.scope = scope;
    }

    /** Decided before storing, as the request is stored with the revision. */
    Request request(Period period, boolean wanted) {
        if (!wanted) return Request.NONE;
        // a run scores every unit and becomes everyone's latest result: the department decides when
        if (!scope.seesAll()) return new Request(null, "数据已保存；重新评分覆盖全部单位，由自治区分析员发起");
        if (period.type() == Period.Type.YEAR) return new Request(null, "年度计划数据不单独评分，将在各月重新评分时使用");
        return new Request(period, null);
    }

    /** The result as the person sees it: nothing about scoring when no revision was stored (identical upload). */
    ImportResult after(ImportResult r, Request request) {
        if (r.revisionId() == null || (request.period() == null && request.note() == null)) return r;
        return new ImportResult(r.revisionId(), r.duplicateOf(), r.period(), r.values(), r.diff(), null,
                request.period() == null ? request.note() : submitted(r.revisionId()));
    }

    /** No run exists yet when the import answers: say where its outcome will appear, not a run number. */
    static String submitted(long revisionId) {
        return "已提交重新评分：监测运行在后台进行，结果（运行编号或失败原因）见「监测结果」页“导入后重新评分”，数据修订 #" + revisionId;
    }
}

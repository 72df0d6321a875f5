package cn.sanbao.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.sanbao.engine.ModelVersions;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.UnitScore;

/**
 * The readable result on the terminal: one aligned line per unit and period (Chinese characters count
 * as two columns), then per period how many units fell in each grade.
 */
public final class ResultTable {

    private ResultTable() {
    }

    public static void print(PrintStream out, ScoringModel model, Facts facts, List<UnitScore> scores) {
        print(out, ModelVersions.of(model), facts, scores);
    }

    /** Each row is named with the version in force for its period; grade counts use the latest version's grades. */
    public static void print(PrintStream out, ModelVersions versions, Facts facts, List<UnitScore> scores) {
        ScoringModel model = versions.latest();
        boolean names = facts.hasUnitNames();
        List<String[]> rows = new ArrayList<>();
        rows.add(names ? new String[] {"单位", "名称", "期间", "总分", "等级", "一票否决"}
                : new String[] {"单位", "期间", "总分", "等级", "一票否决"});
        for (UnitScore s : scores) {
            ScoringModel used = versions.version(s.modelVersion());
            String grade = ResultCsv.gradeName(used, s);
            String letter = used.letter(s.grade());
            if (letter != null) grade += "（" + letter + "）";
            if (s.grade() == null && s.provisionalGrade() != null) {
                grade += "（暂定 " + used.gradeName(s.provisionalGrade()) + "）";
            }
            String overrides = String.join("；", s.overrides().stream().map(UnitScore.FiredOverride::name).toList());
            String total = s.total().setScale(model.totalScale(), java.math.RoundingMode.HALF_UP).toPlainString();
            String name = facts.unitName(s.unitCode());
            rows.add(names ? new String[] {s.unitCode(), name == null ? "" : name, s.period().code(), total, grade, overrides}
                    : new String[] {s.unitCode(), s.period().code(), total, grade, overrides});
        }
        int totalColumn = names ? 3 : 2;
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], width(r[i]));
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean last = i == r.length - 1;
                String pad = " ".repeat(widths[i] - width(r[i]));
                if (i == totalColumn) line.append(pad).append(r[i]);
                else line.append(r[i]).append(last ? "" : pad);
                if (!last) line.append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        for (Map.Entry<Period, Map<String, Integer>> e : counts(model, scores).entrySet()) {
            List<String> parts = new ArrayList<>();
            e.getValue().forEach((grade, n) -> parts.add(grade + " " + n));
            out.println(e.getKey().code() + " 各等级单位数：" + String.join("，", parts));
        }
    }

    /** Per period, units per grade name in model order, then 数据缺失; grades with no unit are listed as 0. */
    static Map<Period, Map<String, Integer>> counts(ScoringModel model, List<UnitScore> scores) {
        Map<Period, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (UnitScore s : scores) {
            Map<String, Integer> c = counts.computeIfAbsent(s.period(), p -> {
                Map<String, Integer> m = new LinkedHashMap<>();
                for (ScoringModel.Grade g : model.grades()) m.put(g.name(), 0);
                m.put(ResultCsv.NO_GRADE, 0);
                return m;
            });
            c.merge(ResultCsv.gradeName(model, s), 1, Integer::sum);
        }
        return counts;
    }

    /** Terminal columns: East Asian wide and full-width characters take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}

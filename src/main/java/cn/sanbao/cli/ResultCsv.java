package cn.sanbao.cli;

import cn.sanbao.shared.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;


import cn.sanbao.engine.IndicatorResult;
import cn.sanbao.engine.ModelVersions;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.UnitScore;

/**
 * The result CSV: unit, unit_name (when the facts file had names), period, then {@code <CODE>_value} and
 * {@code <CODE>_points} per indicator in model order (and {@code <CODE>_level} when its bands give levels),
 * total, grade, grade_name (and grade_letter when the grades have letters), complete, missing, overrides,
 * model_version (the version in force for the period, e.g. v2). Decimals are written plainly (never 1E+3);
 * a byte-order mark lets Excel read the Chinese.
 */
public final class ResultCsv {

    /** Shown in grade_name when missing data leaves the unit without a grade. */
    public static final String NO_GRADE = cn.sanbao.kernel.GradeLabels.MISSING;

    private ResultCsv() {
    }

    public static List<String> header(ScoringModel model, boolean unitNames) {
        return header(ModelVersions.of(model), unitNames);
    }

    /** With several versions, one column pair per indicator of any version, and the version used per row. */
    public static List<String> header(ModelVersions versions, boolean unitNames) {
        List<String> h = new ArrayList<>();
        h.add("unit");
        if (unitNames) h.add("unit_name");
        h.add("period");
        for (ScoringModel.Indicator ind : versions.indicators()) {
            h.add(ind.code() + "_value");
            h.add(ind.code() + "_points");
            if (ScoringModel.hasLevels(ind)) h.add(ind.code() + "_level");
        }
        h.addAll(List.of("total", "grade", "grade_name"));
        if (letters(versions)) h.add("grade_letter");
        h.addAll(List.of("complete", "missing", "overrides", "model_version"));
        return h;
    }

    public static void write(Writer writer, ScoringModel model, Facts facts, List<UnitScore> scores) throws IOException {
        write(writer, ModelVersions.of(model), facts, scores);
    }

    public static void write(Writer writer, ModelVersions versions, Facts facts, List<UnitScore> scores) throws IOException {
        writer.write('\uFEFF');
        CsvWriter csv = new CsvWriter(writer);
        csv.row(header(versions, facts.hasUnitNames()));
        for (UnitScore s : scores) {
            ScoringModel model = versions.version(s.modelVersion());
            List<String> row = new ArrayList<>();
            row.add(s.unitCode());
            if (facts.hasUnitNames()) row.add(nullToEmpty(facts.unitName(s.unitCode())));
            row.add(s.period().code());
            for (ScoringModel.Indicator ind : versions.indicators()) {
                IndicatorResult r = s.indicator(ind.code());
                row.add(r == null ? "" : plain(r.value()));
                row.add(r == null ? "" : plain(r.points()));
                if (ScoringModel.hasLevels(ind)) row.add(r == null ? "" : nullToEmpty(r.level()));
            }
            row.add(plain(s.total()));
            row.add(nullToEmpty(s.grade()));
            row.add(gradeName(model, s));
            if (letters(versions)) row.add(nullToEmpty(model.letter(s.grade())));
            row.add(String.valueOf(s.complete()));
            row.add(String.join(";", s.missing()));
            row.add(String.join(";", s.overrides().stream().map(UnitScore.FiredOverride::code).toList()));
            row.add("v" + s.modelVersion());
            csv.row(row);
        }
        csv.flush();
    }

    private static boolean letters(ModelVersions versions) {
        return versions.all().stream().anyMatch(ScoringModel::hasGradeLetters);
    }

    /** The Chinese name of the final grade, or {@value #NO_GRADE} when there is none. */
    public static String gradeName(ScoringModel model, UnitScore s) {
        return model.gradeNameOrMissing(s.grade());
    }

    /** Plain decimal text, trailing zeros of the fraction removed; empty for null. */
    public static String plain(BigDecimal v) {
        if (v == null) return "";
        if (v.signum() == 0) return "0";
        String s = v.toPlainString();
        if (s.indexOf('.') < 0) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

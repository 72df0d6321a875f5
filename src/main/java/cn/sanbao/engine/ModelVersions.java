package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The versions of one method, each with the period it takes effect from (a model file with several
 * YAML documents, or a directory with one file per version). A period is scored with the version in
 * force: the latest effective-from period that starts on or before the period starts.
 */
public final class ModelVersions {

    private final List<ScoringModel> versions;

    private ModelVersions(List<ScoringModel> versions) {
        this.versions = versions;
    }

    /** Versions in any order; they are kept in effective order. */
    public static ModelVersions of(List<ScoringModel> models) {
        if (models.isEmpty()) throw new IllegalArgumentException("没有任何模型版本");
        List<ScoringModel> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparing(ScoringModel::effectiveFrom).thenComparing(ScoringModel::version));
        return new ModelVersions(List.copyOf(sorted));
    }

    public static ModelVersions of(ScoringModel model) {
        return of(List.of(model));
    }

    /** The version in force for the period, or null when the period is before every version. */
    public ScoringModel forPeriod(Period period) {
        ScoringModel found = null;
        for (ScoringModel m : versions)
            if (!m.effectiveFrom().startDate().isAfter(period.startDate())) found = m;
        return found;
    }

    /** The version with this number, or null. */
    public ScoringModel version(int version) {
        return versions.stream().filter(m -> m.version() == version).findFirst().orElse(null);
    }

    /** All versions, earliest in force first. */
    public List<ScoringModel> all() {
        return versions;
    }

    public ScoringModel latest() {
        return versions.get(versions.size() - 1);
    }

    /** Every data item any version reads. */
    public Set<String> inputs() {
        Set<String> out = new LinkedHashSet<>();
        versions.forEach(m -> out.addAll(m.inputs().keySet()));
        return out;
    }

    /** The indicators of all versions, one per code in the order codes first appear (a column each in results); the latest version's definition wins. */
    public List<ScoringModel.Indicator> indicators() {
        java.util.Map<String, ScoringModel.Indicator> out = new java.util.LinkedHashMap<>();
        versions.forEach(m -> m.indicators().forEach(i -> out.put(i.code(), i))); // a later put keeps the first position
        return List.copyOf(out.values());
    }

    /** "名称 v1（2021年起）、v2（2023年起）" for messages. */
    public String label() {
        if (versions.size() == 1) return versions.get(0).label();
        List<String> parts = versions.stream().map(m -> "v" + m.version() + "（" + m.effectiveFrom().label() + "起）").toList();
        return latest().name() + " " + String.join("、", parts);
    }
}

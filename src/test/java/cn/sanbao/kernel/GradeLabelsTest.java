package cn.sanbao.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GradeLabelsTest {

    private static final Map<String, String> GRADES = Map.of("STABLE", "运行平稳", "HIGH", "高度风险");

    @Test
    void aKnownGradeReadsAsTheModelNamesIt() {
        assertThat(GradeLabels.name("HIGH", GRADES)).isEqualTo("高度风险");
        assertThat(GradeLabels.nameOrMissing("STABLE", GRADES)).isEqualTo("运行平稳");
    }

    @Test
    void aGradeTheModelDoesNotKnowShowsItsCode() {
        assertThat(GradeLabels.name("RED", GRADES)).isEqualTo("RED");
        assertThat(GradeLabels.nameOrMissing("RED", GRADES)).isEqualTo("RED");
    }

    @Test
    void noGradeIsNullOrDataMissing() {
        assertThat(GradeLabels.name(null, GRADES)).isNull();
        assertThat(GradeLabels.nameOrMissing(null, GRADES)).isEqualTo("数据缺失").isEqualTo(GradeLabels.MISSING);
    }
}

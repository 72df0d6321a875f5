package cn.sanbao.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.engine.Models;

/** The example of docs/model-format.md §18: the spending-discipline items score in a model an analyst writes. */
class DisciplineModelExampleTest {

    static final BigDecimal WAN = new BigDecimal("10000");

    @Test
    void theDocumentedExampleScoresAsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/model-format.md"));
        String section = doc.substring(doc.indexOf("## 18."));
        String yaml = section.substring(section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));
        ScoringModel model = Models.parse(yaml, "model-format.md");

        Map<String, BigDecimal> v = new HashMap<>();
        for (String p : new String[] {"wage", "operation", "livelihood"}) {
            wan(v, "budget_" + p, "1000");
            wan(v, "paid_" + p, "400");
        }
        wan(v, "budget_non_priority", "1000");
        wan(v, "paid_non_priority", "450");
        wan(v, "direct_allocated", "500");
        wan(v, "direct_paid", "200");
        UnitScore s = score(model, v);
        assertThat(s.indicator("TWO_PRIORITIES").points()).isEqualByComparingTo("0");
        assertThat(s.indicator("DIRECT_PROGRESS").points()).isEqualByComparingTo("2.5");
        assertThat(s.grade()).isEqualTo("BAD");

        wan(v, "paid_non_priority", "400");
        UnitScore better = score(model, v);
        assertThat(better.indicator("TWO_PRIORITIES").points()).isEqualByComparingTo("5");
        assertThat(better.total()).isEqualByComparingTo("7.5");
        assertThat(better.grade()).isEqualTo("OK");
    }

    private static UnitScore score(ScoringModel model, Map<String, BigDecimal> values) {
        return new ScoringEngine(model).score(new UnitInput("U", Period.month(2021, 6), values));
    }

    private static void wan(Map<String, BigDecimal> v, String item, String wan) {
        v.put(item, new BigDecimal(wan).multiply(WAN).setScale(2));
    }
}

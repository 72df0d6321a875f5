package cn.sanbao.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounds of the 单位代码对照 box, without a database. */
class UnitCodeTableTest {

    @Test
    void tenThousandFullLinesAreAccepted() {
        String box = IntStream.range(0, UnitCodeTable.MAX_LINES)
                .mapToObj(i -> String.format("%064d", i) + " , " + "U".repeat(UnitCodeTable.MAX_UNIT)).collect(Collectors.joining("\r\n"));
        assertThat(box.length()).isLessThanOrEqualTo(UnitCodeTable.MAX_CHARS);
        assertThat(UnitCodeTable.parse(box, code -> true)).hasSize(UnitCodeTable.MAX_LINES);
    }

    @Test
    void onlyTheFirst200ProblemsAreListed() {
        String box = IntStream.range(0, 500).mapToObj(i -> "S" + i + ",nowhere").collect(Collectors.joining("\n"));
        assertThatThrownBy(() -> UnitCodeTable.parse(box, code -> false))
                .hasMessageContaining("第 200 行平台单位代码“nowhere”不存在").hasMessageNotContaining("第 201 行")
                .hasMessageEndingWith("（只列出前 200 处）");
    }
}

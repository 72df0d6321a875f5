package cn.sanbao.region;

import cn.sanbao.shared.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RegionTreeFileTest {

    private static final String HEADER = "code,name,kind,parent_code,gb2260,sort_order\n";
    private static final String ROOT = "640000,宁夏回族自治区,REGION,,true,0\n";
    private static final String CITY = "640100,银川市,CITY,640000,true,100\n";

    @Test
    void loadsTheNingxiaTree() {
        List<FiscalUnit> units = RegionTreeFile.read(new ClassPathResource("region/ningxia-2021.csv"));

        assertThat(units).hasSize(34);
        assertThat(units).filteredOn(u -> u.kind() == UnitKind.REGION).extracting(FiscalUnit::code).containsExactly("640000");
        assertThat(units).filteredOn(u -> u.kind() == UnitKind.CITY).hasSize(5);
        assertThat(units).filteredOn(u -> u.kind() == UnitKind.CITY_LEVEL).hasSize(5);
        assertThat(units).filteredOn(u -> u.kind() == UnitKind.COUNTY).hasSize(22);
        assertThat(units).filteredOn(u -> !u.isConsolidated()).hasSize(28);
        FiscalUnit ningdong = units.stream().filter(u -> u.code().equals("64ND00")).findFirst().orElseThrow();
        assertThat(ningdong.kind()).isEqualTo(UnitKind.ZONE);
        assertThat(ningdong.gb2260()).isFalse();
        assertThat(ningdong.parentCode()).isEqualTo("640000");
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                arguments("缺少列", "code,name,kind,parent_code,gb2260\n" + "640000,宁夏,REGION,,true\n",
                        1, "sort_order", "缺少必需的列"),
                arguments("代码为空", HEADER + ROOT + ",银川市,CITY,640000,true,100\n", 3, "code", "不能为空"),
                arguments("名称为空", HEADER + ROOT + "640100,,CITY,640000,true,100\n", 3, "name", "不能为空"),
                arguments("代码重复", HEADER + ROOT + CITY + "640100,银川,CITY,640000,true,101\n",
                        4, "code", "单位代码“640100”重复（第3行已定义）"),
                arguments("未知类型", HEADER + ROOT + "640100,银川市,FOO,640000,true,100\n", 3, "kind", "未知的单位类型“FOO”"),
                arguments("上级未定义", HEADER + ROOT + "640100,银川市,CITY,649999,true,100\n",
                        3, "parent_code", "上级单位“649999”在文件中未定义"),
                arguments("两个根节点", HEADER + ROOT + "650000,新疆维吾尔自治区,REGION,,true,1\n",
                        3, "parent_code", "只能有一个根节点"),
                arguments("循环", HEADER + ROOT + "640100,银川市,CITY,640200,true,100\n640200,石嘴山市,CITY,640100,true,200\n",
                        3, "parent_code", "上级关系形成循环：640100 → 640200 → 640100"),
                arguments("自己是上级", HEADER + ROOT + "640100,银川市,CITY,640100,true,100\n", 3, "parent_code", "上级单位不能是自己"),
                arguments("布尔值错误", HEADER + ROOT + "640100,银川市,CITY,640000,yes,100\n", 3, "gb2260", "应为 true 或 false"),
                arguments("序号错误", HEADER + ROOT + "640100,银川市,CITY,640000,true,一百\n", 3, "sort_order", "应为整数"),
                arguments("预算单位有下级", HEADER + ROOT + CITY + "640104,兴庆区,COUNTY,640100,true,102\n"
                        + "640104A,某街道,COUNTY,640104,false,103\n", 5, "parent_code", "是预算单位（县（市、区）），不能有下级单位"),
                arguments("根不是区域", HEADER + "640100,银川市,CITY,,true,100\n", 2, "kind", "根节点必须是 REGION"),
                arguments("市本级不在市下", HEADER + ROOT + "640000BJ,自治区本级,CITY_LEVEL,640000,false,1\n",
                        3, "kind", "市本级必须挂在 CITY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFileIsRejectedWithLineColumnAndReason(String name, String csv, int line, String column, String reason) {
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> parse(csv));

        assertThat(e).as("应当报错").isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("bad.csv");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.reason()).contains(reason);
        });
    }

    @Test
    void messageNamesFileLineColumnAndReason() {
        assertThatThrownBy(() -> parse(HEADER + ROOT + "640100,银川市,CITY,640000,true,100\n"
                + "640104,兴庆区,COUNTY,640100,true,102\n" + "640105,西夏区,FOO,640100,true,103\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("bad.csv 第5行 kind 列：未知的单位类型“FOO”");
    }

    @Test
    void collectsAllErrorsInLineOrder() {
        String csv = HEADER + ROOT
                + "640100,银川市,CITY,640000,true,100\n"
                + "640104,,COUNTY,640100,true,102\n"        // line 4: empty name
                + "640105,西夏区,FOO,640100,true,103\n"      // line 5: unknown kind
                + "640106,金凤区,COUNTY,640999,true,104\n"   // line 6: undefined parent
                + "640104,兴庆区,COUNTY,640100,true,105\n";  // line 7: duplicate

        DataFileException e = catchThrowableOfType(DataFileException.class, () -> parse(csv));

        assertThat(e.problems()).extracting(DataFileException.Problem::line).containsExactly(4, 5, 6, 7);
        assertThat(e.getMessage().lines()).hasSize(4);
    }

    @Test
    void toleratesByteOrderMarkAndKeepsLineNumbersAcrossBlankLines() {
        String csv = "\uFEFF" + HEADER + ROOT + "\n" + "640100,银川市,CITY,640000,true,100\n" + "640200,石嘴山市,BAD,640000,true,200\n";

        DataFileException e = catchThrowableOfType(DataFileException.class, () -> parse(csv));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo("kind");
        });
        assertThat(parse("\uFEFF" + HEADER + ROOT + CITY)).extracting(FiscalUnit::code).containsExactly("640000", "640100");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(DataFileException.class).hasMessageContaining("缺少表头行");
        assertThatThrownBy(() -> parse(HEADER)).isInstanceOf(DataFileException.class).hasMessageContaining("没有任何单位");
    }

    private static List<FiscalUnit> parse(String csv) {
        return RegionTreeFile.parse("bad.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}

package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListFile;
import cn.sanbao.projects.library.SanbaoTag;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.shared.DataFileException;

class GuaranteeListFileTest {

    static final String HEADER = String.join(",", GuaranteeListFile.COLUMNS) + "\n";

    static List<GuaranteeItem> read(String body) {
        return GuaranteeListFile.read("list.csv", new ByteArrayInputStream((HEADER + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedNingxiaListCoversTheThreePillarsWithSampleValues() {
        List<GuaranteeItem> items = GuaranteeListFile.read("guarantee-list-ningxia.csv",
                getClass().getResourceAsStream("/projects/guarantee-list-ningxia.csv"));
        assertThat(items).extracting(GuaranteeItem::pillar).contains(Pillar.WAGE, Pillar.OPERATION, Pillar.LIVELIHOOD);
        assertThat(items).allMatch(GuaranteeItem::sample);
        assertThat(items).allMatch(i -> i.standard().compareTo(i.nationalStandard()) >= 0);
        assertThat(items).anyMatch(i -> i.changeMonth() != null);
    }

    @Test
    void regionalStandardBelowNationalIsRejectedWithLineAndColumn() {
        assertThatThrownBy(() -> read("L01,义务教育公用经费,LIVELIHOOD,PER_PERSON_YEAR,650,600,,,pupils,0.8,0.1,0,0.1,20502,2021,true\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("list.csv 第2行 standard 列：地区标准 600.00 低于国家最低标准 650.00");
    }

    @Test
    void everyProblemOfTheFileIsReported() {
        assertThatThrownBy(() -> read(
                "L01,a,LIVELIHOOD,PER_PERSON_YEAR,650,700,,,pupils,0.8,0.1,0,0.2,20502,2021,true\n"
                        + "L02,b,民生,PER_PERSON_YEAR,1,1,13,,pupils,0,0,0,1,20502,2021,true\n"
                        + "L01,c,LIVELIHOOD,PER_PERSON_MONTH,-5,1,,,pupils,0,0,0,1,2x,2021,true\n"))
                .isInstanceOf(DataFileException.class)
                .satisfies(e -> assertThat(((DataFileException) e).problems()).extracting(p -> p.line() + ":" + p.column())
                        .contains("2:share_county", "3:pillar", "3:change_month", "4:national_standard", "4:function_prefixes"));
    }

    @Test
    void anUnknownPillarNamesTheKernelsPillars() {
        assertThatThrownBy(() -> read("L02,b,民生,PER_PERSON_YEAR,1,1,,,pupils,0.8,0.1,0,0.1,20502,2021,true\n"))
                .hasMessageContaining("第2行 pillar 列：未知的保障类别“民生”，应为 WAGE/OPERATION/LIVELIHOOD 或 保工资/保运转/保基本民生");
        assertThat(SanbaoTag.choices()).isEqualTo("保工资/保运转/保基本民生/非三保");
    }

    @Test
    void duplicateCodeInTheSameYearIsRejected() {
        String row = "W01,基本工资,WAGE,PER_PERSON_MONTH,2600,2600,,,staff,0,0,0,1,201,2021,true\n";
        assertThatThrownBy(() -> read(row + row)).hasMessageContaining("第3行 code 列：清单项目“W01”在 2021 年重复（第2行已有）");
        assertThat(read(row + row.replace("2021", "2022"))).hasSize(2);
    }
}

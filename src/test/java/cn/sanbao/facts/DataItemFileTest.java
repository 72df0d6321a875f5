package cn.sanbao.facts;

import cn.sanbao.shared.DataFileException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DataItemFileTest {

    private static final String HEADER = "code,name,unit,nature,frequency,non_negative,description\n";

    @Test
    void loadsTheShippedCatalogue() {
        List<DataItem> items = DataItemFile.read(new ClassPathResource("items/data-items.csv"));

        assertThat(items).hasSize(34);
        assertThat(items).filteredOn(i -> i.code().equals("cash_balance")).singleElement().satisfies(i -> {
            assertThat(i.nature()).isEqualTo(ItemNature.BALANCE);
            assertThat(i.frequency()).isEqualTo(Frequency.MONTHLY_WEEKLY);
            assertThat(i.nonNegative()).isFalse();
        });
        assertThat(items).filteredOn(i -> i.unit() == ItemUnit.PERSON).extracting(DataItem::code)
                .containsExactlyInAnyOrder("offstaff_cap", "offstaff_headcount");
    }

    @Test
    void collectsEveryProblemWithLineAndColumn() {
        String csv = HEADER
                + "fiscal_capacity,可用财力,YUAN,PLAN,ANNUAL,true,\n"
                + "paid_wage,保工资累计支出,RMB,TO_DATE,MONTHLY_WEEKLY,true,\n"   // line 3
                + "Paid-Op,保运转累计支出,YUAN,TO_DATE,WEEKLY,maybe,\n"           // line 4: code, frequency, boolean
                + "fiscal_capacity,重复,YUAN,PLAN,ANNUAL,true,\n";                // line 5

        DataFileException e = catchThrowableOfType(DataFileException.class,
                () -> DataItemFile.parse("items.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));

        assertThat(e.getMessage()).contains("items.csv 第3行 unit 列：未知的计量单位“RMB”");
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column())
                .containsExactly("3:unit", "4:frequency", "4:non_negative", "4:code", "5:code");
    }
}

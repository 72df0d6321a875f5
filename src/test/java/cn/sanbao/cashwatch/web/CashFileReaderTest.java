package cn.sanbao.cashwatch.web;

import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashRejected;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.IntakeRejectedException;
import cn.sanbao.intake.TableFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an uploaded 库款日报 (CSV here; xlsx goes through the same intake reader and this class). */
class CashFileReaderTest {

    static List<DailyBalance> read(String csv) {
        return CashFileReader.read(TableFile.read("库款.csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheThreeColumnsInAnyOrderWithDatesAsPeopleWriteThem() {
        List<DailyBalance> rows = read("单位名称,日期,单位编码,日终余额(元)\n"
                + "西吉县,2021-12-31,640422,\"1,234,567.80\"\n"
                + "\n"
                + "海原县,2021/12/1,640522,0\n"
                + "隆德县,2021年12月2日,640423,12\n"
                + "泾源县,20211203,640424,\n");
        assertThat(rows).extracting(DailyBalance::unitCode).containsExactly("640422", "640522", "640423", "640424");
        assertThat(rows).extracting(DailyBalance::day).containsExactly(LocalDate.of(2021, 12, 31), LocalDate.of(2021, 12, 1),
                LocalDate.of(2021, 12, 2), LocalDate.of(2021, 12, 3));
        assertThat(rows.get(0).balance()).isEqualByComparingTo("1234567.80");
        assertThat(rows.get(3).balance()).isNull(); // empty: the store names it
        assertThat(rows.get(2).at().row()).isEqualTo(5);
    }

    @Test
    void unreadableCellsAreNamedByRowAndColumn() {
        assertThatThrownBy(() -> read("单位编码,日期,日终余额（元）\n640422,2021-02-30,1\n640422,2021-12-01,12a\n640422,2021-12-02,"
                + "1".repeat(40) + "\n"))
                .isInstanceOfSatisfying(DailyCashRejected.class, e -> assertThat(e.findings()).extracting(Finding::text).containsExactly(
                        "库款.csv 第2行 第2列：日期无法识别：“2021-02-30”（请写作 2021-12-31）",
                        "库款.csv 第3行 第3列：日终余额不是数字：“12a”",
                        "库款.csv 第4行 第3列：日终余额数字过长（40 个字符，最多 30 个）：“" + "1".repeat(40) + "”"));
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        assertThatThrownBy(() -> read("a,b,c\n1,2,3\n")).isInstanceOfSatisfying(DailyCashRejected.class,
                e -> assertThat(e.findings().get(0).reason()).startsWith("没有找到表头"));
    }

    @Test
    void hostileFilesAreStoppedByTheIntakeLimitsBeforeParsing() {
        assertThatThrownBy(() -> read("单位编码,日期,日终余额（元）\n" + "640422,2021-12-01,1\n".repeat(TableFile.MAX_ROWS + 1)))
                .isInstanceOf(IntakeRejectedException.class).hasMessageContaining("最多 " + TableFile.MAX_ROWS + " 行");
        assertThatThrownBy(() -> read("单位编码,日期,日终余额（元）\n640422,2021-12-01," + "9".repeat(TableFile.MAX_CELL_CHARS + 1)))
                .isInstanceOf(IntakeRejectedException.class).hasMessageContaining("超过 " + TableFile.MAX_CELL_CHARS + " 个字符");
        assertThatThrownBy(() -> CashFileReader.read(TableFile.read("库款.txt", new byte[]{1})))
                .isInstanceOf(IntakeRejectedException.class).hasMessageContaining("只接受 .xlsx 或 .csv 文件");
    }
}

package cn.sanbao.cashwatch;

import java.time.LocalDate;

/**
 * What a store did: revisionId null when nothing changed (every value identical to the current one).
 *
 * @param rows    rows received
 * @param changed rows that were new or differed from the current value (only these are stored)
 */
public record DailyCashResult(Long revisionId, int rows, int changed, LocalDate firstDay, LocalDate lastDay) {

    /** What the screen says about it. */
    public String message() {
        return revisionId == null ? "数据无变化，未保存"
                : "已保存为数据修订 #" + revisionId + "：" + rows + " 行，其中新增或变化 " + changed + " 行（" + firstDay + " 至 " + lastDay + "）";
    }
}

package cn.sanbao.intake;

import cn.sanbao.shared.CsvWriter;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.ItemUnit;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Generates the reporting templates from the item catalogue: one row per budget unit the user may report. */
@Service
public class TemplateService {

    private final DataItemRepository catalogue;
    private final RegionTree regions;

    public TemplateService(DataItemRepository catalogue, RegionTree regions) {
        this.catalogue = catalogue;
        this.regions = regions;
    }

    public List<FiscalUnit> units(Predicate<String> visible) {
        return regions.budgetUnits().stream().filter(u -> visible.test(u.code())).toList();
    }

    public byte[] xlsx(ItemSet set, Period period, AmountUnit unit, Predicate<String> visible) {
        requireType(set, period);
        List<DataItem> items = set.items(catalogue);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(TemplateLayout.DATA_SHEET);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle header = wb.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setWrapText(true);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle amount = wb.createCellStyle();
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00####"));

            sheet.createRow(0).createCell(0).setCellValue(TemplateLayout.title(set));
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            Row p = sheet.createRow(1);
            p.createCell(0).setCellValue(TemplateLayout.PERIOD_LABEL);
            p.createCell(1).setCellValue(period.code());
            p.getCell(1).setCellStyle(text);
            p.createCell(2).setCellValue(TemplateLayout.UNIT_LABEL);
            p.createCell(3).setCellValue(unit.label());
            Row h = sheet.createRow(2);
            h.setHeightInPoints(48);
            List<String> headers = headers(items, unit);
            for (int c = 0; c < headers.size(); c++) {
                h.createCell(c).setCellValue(headers.get(c));
                h.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, c < 2 ? 14 * 256 : 20 * 256);
            }
            List<FiscalUnit> units = units(visible);
            for (int i = 0; i < units.size(); i++) {
                Row r = sheet.createRow(TemplateLayout.FIRST_DATA_ROW - 1 + i);
                r.createCell(0).setCellValue(units.get(i).code());
                r.getCell(0).setCellStyle(text);
                r.createCell(1).setCellValue(units.get(i).name());
                for (int c = 0; c < items.size(); c++) r.createCell(TemplateLayout.FIRST_ITEM_COL + c).setCellStyle(amount);
            }
            validations(sheet, items, Math.max(units.size(), 1));
            sheet.createFreezePane(2, TemplateLayout.HEADER_ROW);
            help(wb.createSheet(TemplateLayout.HELP_SHEET), set, period, unit, items);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same layout as the workbook, UTF-8 with BOM so that Excel shows the Chinese headers correctly. */
    public byte[] csv(ItemSet set, Period period, AmountUnit unit, Predicate<String> visible) {
        requireType(set, period);
        List<DataItem> items = set.items(catalogue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (CsvWriter csv = new CsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            csv.row(TemplateLayout.title(set));
            csv.row(TemplateLayout.PERIOD_LABEL, period.code(), TemplateLayout.UNIT_LABEL, unit.label());
            // a space instead of the line break keeps one record per line, so line numbers stay exact
            csv.row(headers(items, unit).stream().map(s -> s.replace('\n', ' ')).toList());
            for (FiscalUnit u : units(visible)) {
                List<String> row = new ArrayList<>(List.of(u.code(), u.name()));
                items.forEach(i -> row.add(""));
                csv.row(row);
            }
        }
        return out.toByteArray();
    }

    private static List<String> headers(List<DataItem> items, AmountUnit unit) {
        List<String> headers = new ArrayList<>(List.of(TemplateLayout.UNIT_CODE_HEADER, TemplateLayout.UNIT_NAME_HEADER));
        items.forEach(i -> headers.add(TemplateLayout.header(i, unit)));
        return headers;
    }

    private static void validations(Sheet sheet, List<DataItem> items, int rows) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int first = TemplateLayout.FIRST_DATA_ROW - 1;
        for (int c = 0; c < items.size(); c++) {
            DataItem item = items.get(c);
            boolean whole = item.unit() == ItemUnit.PERSON;
            DataValidationConstraint constraint = item.nonNegative()
                    ? (whole ? helper.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null)
                             : helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null))
                    : helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "-1E15", "1E15");
            int col = TemplateLayout.FIRST_ITEM_COL + c;
            DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(first, first + rows - 1, col, col));
            v.setShowErrorBox(true);
            v.createErrorBox("数据有误", item.nonNegative() ? item.name() + "应为不小于 0 的" + (whole ? "整数" : "数字") : item.name() + "应为数字");
            sheet.addValidationData(v);
        }
    }

    private static void help(Sheet sheet, ItemSet set, Period period, AmountUnit unit, List<DataItem> items) {
        List<String> lines = new ArrayList<>(List.of(
                TemplateLayout.title(set) + " 填报说明",
                "1. 在“数据”工作表中每个单位一行，单位代码、单位名称已预填，请勿修改单位代码、表头和第 2 行的期间。",
                "2. 本模板期间为 " + period.code() + "（" + period.label() + "），金额单位为 " + unit.label()
                        + "；上传时按表头所示单位换算为元，换算后须精确到分（万元最多填 6 位小数）。",
                "3. 只填数值，不要填公式、文字或日期；不要合并单元格。不填的单元格视为本次未报送。",
                "4. 市、自治区等汇总数由系统按所属单位加总，不需填报。",
                "5. 累计数（年初至期末）不能小于上一期已报送的累计数。",
                "6. 上传后系统先检查全部数据，有任何错误时整份文件不入库，并列出每处错误的行、列和原因。",
                "",
                "数据项说明："));
        for (DataItem i : items) {
            lines.add(i.code() + "  " + i.name() + "（" + TemplateLayout.measure(i, unit) + "，" + i.nature().label()
                    + (i.nonNegative() ? "，不能为负" : "") + "）：" + i.description());
        }
        for (int r = 0; r < lines.size(); r++) sheet.createRow(r).createCell(0).setCellValue(lines.get(r));
        sheet.setColumnWidth(0, 120 * 256);
    }

    private static void requireType(ItemSet set, Period period) {
        if (period.type() != set.periodType()) {
            throw new IllegalArgumentException(set.label() + "模板的期间应为" + switch (set.periodType()) {
                case MONTH -> "月（如 2021-03）";
                case WEEK -> "周（如 2021-W05）";
                case YEAR -> "年（如 2021）";
            } + "，实际为“" + period.code() + "”");
        }
    }
}

package cn.sanbao.intake;

import java.util.List;

/**
 * Payment rows handed to the import by another module instead of a file (a connector reading the budget system).
 * Each row is text in the payment file's column order ({@link #COLUMNS}) and is checked with the file's rules. The
 * import reads the rows once, on its own reading thread, while it checks the rows already read; a finding names
 * row n + 1 (the header is line 1) and column "第k列", as for a CSV file with these columns.
 */
public interface PaymentRows {

    /** The payment file's columns, in the order of a row's cells. */
    List<String> COLUMNS = List.of("unit_code", "pay_date", "amount", "function_code", "economic_code", "project_code", "agency");

    interface Sink {
        void row(String[] cells);
    }

    /** Calls back once per row. An exception thrown here ends the import and reaches its caller unchanged. */
    void forEach(Sink sink);
}

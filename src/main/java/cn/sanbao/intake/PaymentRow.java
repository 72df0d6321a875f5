package cn.sanbao.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One checked payment of a 支付明细 file; amount in 元 (negative = 冲销 of an earlier payment). */
public record PaymentRow(long line, String unitCode, LocalDate payDate, BigDecimal amount, String functionCode,
                         String economicCode, String projectCode, String agency) {
}

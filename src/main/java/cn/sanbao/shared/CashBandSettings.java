package cn.sanbao.shared;

import cn.sanbao.kernel.CashBand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * The one place the configured 库款保障水平 band is read ({@code sanbao.decision.cash-band.low/high}); the runway
 * projection and the expenditure discipline check use this bean. The daily cash watch divides by the 三保 need, not by
 * the outflow, and has its own band ({@code sanbao.cash-watch.band.*}).
 */
@Configuration(proxyBeanMethods = false)
public class CashBandSettings {

    @Bean
    CashBand cashBand(@Value("${sanbao.decision.cash-band.low:0.3}") BigDecimal low,
                      @Value("${sanbao.decision.cash-band.high:0.8}") BigDecimal high) {
        return new CashBand(low, high);
    }
}
